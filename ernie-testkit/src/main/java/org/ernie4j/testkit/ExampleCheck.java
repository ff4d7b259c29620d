package org.ernie4j.testkit;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.spi.document.Vocabulary;
import org.ernie4j.spi.example.CustomTarget;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.MaskedTokens;
import org.ernie4j.spi.example.SequenceLabel;
import org.ernie4j.spi.example.Target;
import org.ernie4j.spi.example.TokenLabels;
import org.ernie4j.spi.head.CustomHead;
import org.ernie4j.spi.head.HeadSpec;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.ernie4j.spi.head.SequenceClassificationHead;
import org.ernie4j.spi.head.TokenClassificationHead;

import static java.util.Objects.requireNonNull;

/**
 * The contract of a single example, given the task's head, the vocabulary and the maximum input length.
 */
final class ExampleCheck
{
    private final HeadSpec head;
    private final Vocabulary vocabulary;
    private final int maxSequenceLength;

    ExampleCheck(HeadSpec head, Vocabulary vocabulary, int maxSequenceLength)
    {
        this.head = requireNonNull(head, "head is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.maxSequenceLength = maxSequenceLength;
    }

    /** The ways an example breaks the contract; empty when it keeps it. */
    List<String> problems(Example example)
    {
        List<String> problems = new ArrayList<>();
        checkInput(example, problems);
        checkTarget(example, problems);
        return problems;
    }

    private void checkInput(Example example, List<String> problems)
    {
        int length = example.length();
        if (length > maxSequenceLength) {
            problems.add("input has " + length + " positions, more than the maximum length " + maxSequenceLength);
        }
        if (length < 2) {
            problems.add("input has " + length + " position, too few for [CLS] and [SEP]");
        }
        if (example.inputId(0) != vocabulary.clsId()) {
            problems.add("input starts with " + describe(example.inputId(0)) + ", not [CLS]");
        }
        if (example.inputId(length - 1) != vocabulary.sepId()) {
            problems.add("input ends with " + describe(example.inputId(length - 1)) + ", not [SEP]");
        }
        for (int position = 0; position < length; position++) {
            int id = example.inputId(position);
            if (id < 0 || id >= vocabulary.size()) {
                problems.add("input id " + id + " at position " + position + " is outside the vocabulary of " + vocabulary.size());
                break;
            }
            if (position > 0 && id == vocabulary.clsId()) {
                problems.add("input holds [CLS] at position " + position + ": [CLS] belongs at position 0 only");
                break;
            }
            if (vocabulary.isSpecial(id) && !isTextOrStructure(id)) {
                // Batches add padding; a reserved piece stands for no text, so whatever it tells the model comes from the
                // task, which is how a label leaks into an input.
                problems.add("input holds the special piece " + vocabulary.piece(id) + " at position " + position
                        + ": only [CLS], [SEP], [MASK] and [UNK] belong in an input");
                break;
            }
        }
        for (int position = 0; position < length; position++) {
            int segment = example.segmentId(position);
            if (segment != 0 && segment != 1) {
                problems.add("segment id " + segment + " at position " + position + " is neither 0 nor 1");
                break;
            }
            if (position > 0 && segment < example.segmentId(position - 1)) {
                problems.add("segment ids decrease at position " + position);
                break;
            }
        }
    }

    private void checkTarget(Example example, List<String> problems)
    {
        Target target = example.target();
        if (head instanceof SequenceClassificationHead sequence) {
            if (!(target instanceof SequenceLabel label)) {
                problems.add(mismatch(target));
            }
            else if (label.label() >= sequence.numClasses()) {
                problems.add("label " + label.label() + " is not below the head's " + sequence.numClasses() + " classes");
            }
        }
        else if (head instanceof TokenClassificationHead tokens) {
            if (!(target instanceof TokenLabels labels)) {
                problems.add(mismatch(target));
            }
            else {
                checkTokenLabels(example, labels, tokens.numClasses(), problems);
            }
        }
        else if (head instanceof MaskedTokenHead) {
            if (!(target instanceof MaskedTokens masked)) {
                problems.add(mismatch(target));
            }
            else {
                checkMasked(example, masked, problems);
            }
        }
        else if (head instanceof CustomHead custom) {
            if (!(target instanceof CustomTarget values)) {
                problems.add(mismatch(target));
            }
            else if (values.width() != custom.targetWidth()) {
                problems.add("custom target has width " + values.width() + ", but the head expects " + custom.targetWidth());
            }
        }
    }

    private void checkTokenLabels(Example example, TokenLabels labels, int numClasses, List<String> problems)
    {
        if (labels.labelledCount() == 0) {
            problems.add("token-labelled example labels no position: it adds only cost to a batch");
        }
        for (int position = 0; position < labels.length(); position++) {
            if (labels.label(position) >= numClasses) {
                problems.add("token label " + labels.label(position) + " at position " + position
                        + " is not below the head's " + numClasses + " classes");
                break;
            }
        }
        for (int position = 0; position < labels.length(); position++) {
            int id = example.inputId(position);
            if (labels.label(position) != TokenLabels.IGNORED && (id == vocabulary.clsId() || id == vocabulary.sepId())) {
                problems.add("token label at position " + position + " is on " + vocabulary.piece(id)
                        + ": a structural piece has no word to label");
                break;
            }
        }
    }

    private void checkMasked(Example example, MaskedTokens masked, List<String> problems)
    {
        if (masked.count() == 0) {
            problems.add("masked-token example predicts nothing: it adds only cost to a batch");
        }
        for (int i = 0; i < masked.count(); i++) {
            int position = masked.position(i);
            int original = masked.originalId(i);
            if (position == 0 || position == example.length() - 1) {
                problems.add("masked position " + position + " is the input's " + (position == 0 ? "[CLS]" : "[SEP]"));
                break;
            }
            if (original >= vocabulary.size()) {
                problems.add("original id " + original + " at position " + position + " is outside the vocabulary of " + vocabulary.size());
                break;
            }
            if (vocabulary.isSpecial(original)) {
                problems.add("original id at position " + position + " is the special piece " + vocabulary.piece(original)
                        + ": a special piece is never a prediction target");
                break;
            }
            int shown = example.inputId(position);
            if (shown >= 0 && shown < vocabulary.size() && shown != vocabulary.maskId() && vocabulary.isSpecial(shown)) {
                problems.add("masked position " + position + " shows " + vocabulary.piece(shown)
                        + " instead of [MASK], a word piece or its original");
                break;
            }
        }
    }

    /** The special pieces that may appear in an input: the structure of the input, and text the model cannot see. */
    private boolean isTextOrStructure(int id)
    {
        return id == vocabulary.clsId() || id == vocabulary.sepId() || id == vocabulary.maskId() || id == vocabulary.unkId();
    }

    private String mismatch(Target target)
    {
        return "target " + target.getClass().getSimpleName() + " does not fit the head (" + head + ")";
    }

    private String describe(int id)
    {
        return id >= 0 && id < vocabulary.size() ? id + " (" + vocabulary.piece(id) + ")" : String.valueOf(id);
    }
}
