package org.ernie4j.spi.document;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * The two sides of a run's held-out split, for tasks that draw a second document. A document's second document comes
 * from its own side: a held-out example then holds no text the model trained on (a side it had seen would give its class
 * away), and a training example holds no held-out text. Documents are told apart by id.
 *
 * <p>Draws for a training document are exactly {@link DocumentSource#randomOther} on the training side, random number for
 * random number, so a task that moves to this class keeps its training examples.
 */
public final class SplitDocuments
{
    private final DocumentSource training;
    private final DocumentSource heldOut;
    private final Set<String> heldOutIds;

    public SplitDocuments(DocumentSource training, DocumentSource heldOut)
    {
        this.training = requireNonNull(training, "training is null");
        this.heldOut = requireNonNull(heldOut, "heldOut is null");
        // Read once when the task joins; a run holds out a few dozen documents at most, and only their ids are kept.
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < heldOut.size(); i++) {
            ids.add(heldOut.get(i).id());
        }
        this.heldOutIds = Set.copyOf(ids);
    }

    public DocumentSource training()
    {
        return training;
    }

    public DocumentSource heldOut()
    {
        return heldOut;
    }

    public boolean isHeldOut(Document document)
    {
        return heldOutIds.contains(requireNonNull(document, "document is null").id());
    }

    /** The held-out documents when {@code document} is one of them, the training corpus otherwise. */
    public DocumentSource sideOf(Document document)
    {
        return isHeldOut(document) ? heldOut : training;
    }

    /** A document other than {@code document} from its own side, or empty when that side has no other. */
    public Optional<Document> randomOther(Document document, RandomGenerator random)
    {
        return sideOf(document).randomOther(document, requireNonNull(random, "random is null"));
    }
}
