package org.ernie4j.core.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ernie4j.core.PublicApi;
import org.ernie4j.core.model.EncoderConfig;
import org.ernie4j.core.model.EncoderLayout;
import org.ernie4j.core.model.HeadLayout;
import org.ernie4j.core.model.ModelParameters;
import org.ernie4j.core.model.ParameterSpec;
import org.ernie4j.core.text.wordpiece.VocabularyException;
import org.ernie4j.core.text.wordpiece.WordPieceVocabulary;
import org.ernie4j.spi.head.MaskedTokenHead;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static java.util.Objects.requireNonNull;

/**
 * Reads a directory in the Hugging Face BERT/ERNIE layout ({@code model.safetensors}, {@code config.json},
 * {@code vocab.txt}) into ernie4j parameters.
 *
 * <p>Every tensor of the file is accounted for: it becomes a parameter, or it is left out because the user named its
 * prefix, or the import fails. Missing, extra and mis-shaped tensors are all reported at once, by name. A {@code bert.}
 * or {@code ernie.} prefix (as a {@code BertForPreTraining} file has) is taken off the encoder's names.
 */
@PublicApi
public final class WeightImport
{
    public static final String WEIGHTS = "model.safetensors";
    public static final String CONFIG = "config.json";
    public static final String VOCABULARY = "vocab.txt";
    private static final List<String> MODEL_PREFIXES = List.of("bert.", "ernie.");

    private final ImportOptions options;

    public WeightImport(ImportOptions options)
    {
        this.options = requireNonNull(options, "options is null");
    }

    public ImportedModel read(Path directory)
    {
        requireNonNull(directory, "directory is null");
        if (!Files.isDirectory(directory)) {
            throw new InteropException(directory, "is not a directory (expected one with " + WEIGHTS + ", " + CONFIG + " and " + VOCABULARY + ")");
        }
        Path weightsFile = directory.resolve(WEIGHTS);
        Path vocabularyFile = directory.resolve(VOCABULARY);
        BertConfigJson config = BertConfigJson.read(directory.resolve(CONFIG));
        List<String> notes = new ArrayList<>();
        WordPieceVocabulary vocabulary = tokenizer(directory, vocabulary(vocabularyFile, config), notes);
        SafetensorsFile file = SafetensorsFile.read(weightsFile);
        return convert(directory, weightsFile, config, vocabulary, file.tensors(), Set.of(), notes);
    }

    /**
     * The model of {@code tensors} (Hugging Face names and layout) as ernie4j parameters, every tensor accounted for.
     *
     * @param weightsFile the file the tensors came from, named in problems and recorded by its SHA-256
     * @param inOut dense layers' matrices (by name) stored {@code [in, out]} as ernie4j holds them, not as {@code nn.Linear}
     * @param readingNotes what reading the files found worth telling; the import's own notes are added after them
     */
    ImportedModel convert(Path directory, Path weightsFile, BertConfigJson config, WordPieceVocabulary vocabulary,
            Map<String, Tensor> fileTensors, Set<String> inOut, List<String> readingNotes)
    {
        List<String> notes = new ArrayList<>(readingNotes);
        Map<String, Tensor> tensors = withoutModelPrefix(weightsFile, fileTensors);
        if (vocabulary.size() != config.vocabularySize()) {
            throw new InteropException(weightsFile, "the model has " + config.vocabularySize() + " word embedding rows but its vocabulary "
                    + vocabulary.size() + " pieces");
        }

        int fileTaskRows = config.taskTypes();
        int taskRows = options.taskTypes().orElse(Math.max(ImportOptions.DEFAULT_TASK_TYPES, fileTaskRows));
        List<String> problems = new ArrayList<>();
        if (taskRows < fileTaskRows) {
            problems.add("--task-types " + taskRows + " is fewer than the file's " + fileTaskRows + " task embedding rows");
            throw new InteropException(weightsFile, problems);
        }
        EncoderConfig encoder = config.encoder(taskRows);
        Set<String> used = new LinkedHashSet<>();
        int copied = 0;
        List<String> created = new ArrayList<>();
        ModelParameters parameters = new ModelParameters(DataType.FLOAT);
        Map<String, ParameterSpec> specs = new LinkedHashMap<>();
        EncoderLayout.parameters(encoder).forEach(spec -> specs.put(spec.name(), spec));
        options.maskedLmTask().ifPresent(task ->
                HeadLayout.parameters(task, MaskedTokenHead.create(), encoder).forEach(spec -> specs.put(spec.name(), spec)));

        List<BertParameterNames.Mapping> mappings = new ArrayList<>(BertParameterNames.encoder(encoder));
        options.maskedLmTask().ifPresent(task -> mappings.addAll(BertParameterNames.maskedLmHead(task)));
        // Sentence-transformers models and add_pooling_layer=False saves have no pooler. A zero pooler computes the zero
        // vector, which TextEncoder reports as no pooled output; a fine-tuned sequence head trains it from there.
        boolean noPooler = !tensors.containsKey(BertParameterNames.POOLER_WEIGHT) && !tensors.containsKey(BertParameterNames.POOLER_BIAS);
        for (BertParameterNames.Mapping mapping : mappings) {
            ParameterSpec spec = specs.get(mapping.ours());
            Tensor tensor = tensors.get(mapping.theirs());
            if (noPooler && mapping.ours().startsWith(EncoderLayout.POOLER + ".")) {
                parameters.add(spec, Nd4j.zeros(DataType.FLOAT, spec.shape()));
                if (mapping.theirs().equals(BertParameterNames.POOLER_WEIGHT)) {
                    created.add("pooler.dense as zeros: the file's model has no pooler, so it has no pooled output (TextEncoder gives"
                            + " none; use the mean-pooled sentence embedding); a fine-tuned sequence head trains the pooler from zero");
                }
                continue;
            }
            if (mapping.theirs().equals(BertParameterNames.TASK_EMBEDDING)) {
                parameters.add(spec, taskEmbedding(tensor, spec, fileTaskRows, problems, created));
                if (tensor != null) {
                    used.add(mapping.theirs());
                    copied++;
                }
                continue;
            }
            if (tensor == null) {
                problems.add("missing tensor " + mapping.theirs() + " (ernie4j's " + mapping.ours() + ", shape "
                        + Arrays.toString(TensorLayout.ours(spec.shape(), mapping.transposed())) + ")");
                continue;
            }
            used.add(mapping.theirs());
            boolean transposed = mapping.transposed() && !inOut.contains(mapping.theirs()) && !inOut.contains(prefixed(fileTensors, mapping.theirs()));
            long[] expected = TensorLayout.ours(spec.shape(), transposed);
            if (!Arrays.equals(tensor.shape(), expected)) {
                problems.add("tensor " + mapping.theirs() + " has shape " + Arrays.toString(tensor.shape()) + " but config.json implies "
                        + Arrays.toString(expected));
                continue;
            }
            if (!floating(tensor)) {
                problems.add("tensor " + mapping.theirs() + " is " + tensor.type() + "; weights are read from F32, F16 or BF16");
                continue;
            }
            parameters.add(spec, TensorLayout.toArray(tensor, transposed));
            copied++;
        }
        if (options.maskedLmTask().isPresent()) {
            checkTiedCopy(tensors, BertParameterNames.TIED_DECODER_WEIGHT, BertParameterNames.WORD_EMBEDDING, used, problems, notes);
            checkTiedCopy(tensors, BertParameterNames.TIED_DECODER_BIAS, BertParameterNames.MASKED_LM_BIAS, used, problems, notes);
        }
        List<String> ignored = new ArrayList<>();
        for (String name : tensors.keySet()) {
            if (used.contains(name)) {
                continue;
            }
            if (options.ignoredPrefixes().stream().anyMatch(name::startsWith)) {
                ignored.add(name + " " + tensors.get(name));
            }
            else {
                problems.add("unexpected tensor " + name + " " + tensors.get(name) + hint(name));
            }
        }
        if (!problems.isEmpty()) {
            throw new InteropException(weightsFile, problems);
        }
        if (config.attentionDropout() > 0) {
            notes.add("config.json has attention_probs_dropout_prob " + config.attentionDropout()
                    + "; ernie4j applies no dropout to attention probabilities (inference is the same; training differs slightly)");
        }
        long cased = vocabulary.pieces().stream()
                .filter(piece -> !(piece.startsWith("[") && piece.endsWith("]")) && !piece.equals(piece.toLowerCase(java.util.Locale.ROOT)))
                .count();
        if (cased > 0 && vocabulary.settings().lowercase()) {
            notes.add("vocab.txt has " + cased + " pieces with capital letters (a cased model?) but the tokenizer lower-cases (no "
                    + TokenizerJson.FILE + " or " + TokenizerConfigJson.FILE + " says otherwise), so those pieces never occur in its inputs");
        }
        ImportReport report = new ImportReport(copied, created, ignored, config.unusedKeys(), notes);
        return new ImportedModel(directory, encoder, parameters, vocabulary, sha256(weightsFile), report);
    }

    private static WordPieceVocabulary vocabulary(Path file, BertConfigJson config)
    {
        WordPieceVocabulary vocabulary;
        try {
            vocabulary = WordPieceVocabulary.load(file);
        }
        catch (VocabularyException | java.io.UncheckedIOException e) {
            throw new InteropException(file, e.getMessage(), e);
        }
        if (vocabulary.size() != config.vocabularySize()) {
            throw new InteropException(file, "has " + vocabulary.size() + " pieces but config.json's vocab_size is " + config.vocabularySize()
                    + " (the word embedding needs one row per piece)");
        }
        return vocabulary;
    }

    /**
     * The vocabulary with the settings of the model's tokenizer: from its {@code tokenizer.json} (whose pieces must be
     * those of {@code vocab.txt}), else its {@code tokenizer_config.json}, else uncased BERT's.
     */
    private static WordPieceVocabulary tokenizer(Path directory, WordPieceVocabulary vocabulary, List<String> notes)
    {
        Path tokenizerJson = directory.resolve(TokenizerJson.FILE);
        if (Files.isRegularFile(tokenizerJson)) {
            TokenizerJson tokenizer = TokenizerJson.read(tokenizerJson);
            if (!tokenizer.vocabulary().pieces().equals(vocabulary.pieces())) {
                throw new InteropException(tokenizerJson, "has other pieces than " + VOCABULARY + "; which one is the model's?");
            }
            notes.addAll(tokenizer.notes());
            notes.add("text is tokenized as " + TokenizerJson.FILE + " says: " + tokenizer.vocabulary().settings());
            return tokenizer.vocabulary();
        }
        Path tokenizerConfig = directory.resolve(TokenizerConfigJson.FILE);
        if (Files.isRegularFile(tokenizerConfig)) {
            WordPieceVocabulary configured = vocabulary.withSettings(TokenizerConfigJson.read(tokenizerConfig));
            notes.add("text is tokenized as " + TokenizerConfigJson.FILE + " says: " + configured.settings());
            return configured;
        }
        return vocabulary;
    }

    /** {@code name} as the file has it: with its model prefix, if it uses one. */
    private static String prefixed(Map<String, Tensor> fileTensors, String name)
    {
        return MODEL_PREFIXES.stream().map(prefix -> prefix + name).filter(fileTensors::containsKey).findFirst().orElse(name);
    }

    /** The tensors with a {@code bert.} or {@code ernie.} prefix taken off; heads ({@code cls.}) keep their names. */
    private static Map<String, Tensor> withoutModelPrefix(Path file, Map<String, Tensor> tensors)
    {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String name : tensors.keySet()) {
            MODEL_PREFIXES.stream().filter(name::startsWith).forEach(prefixes::add);
        }
        if (prefixes.size() > 1) {
            throw new InteropException(file, "has tensors under both " + String.join(" and ", prefixes) + "; which is the model?");
        }
        if (prefixes.isEmpty()) {
            return tensors;
        }
        String prefix = prefixes.iterator().next();
        Map<String, Tensor> stripped = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            String name = entry.getKey().startsWith(prefix) ? entry.getKey().substring(prefix.length()) : entry.getKey();
            if (stripped.put(name, entry.getValue()) != null) {
                throw new InteropException(file, "has " + name + " both with and without the prefix " + prefix);
            }
        }
        return stripped;
    }

    private static INDArray taskEmbedding(Tensor tensor, ParameterSpec spec, int fileRows, List<String> problems, List<String> created)
    {
        long[] shape = spec.shape();
        INDArray table = Nd4j.zeros(DataType.FLOAT, shape);
        if (tensor == null) {
            if (fileRows > 0) {
                problems.add("missing tensor " + BertParameterNames.TASK_EMBEDDING + " (config.json has use_task_id with " + fileRows + " rows)");
            }
            else {
                created.add(BertParameterNames.TASK_EMBEDDING + " [" + shape[0] + ", " + shape[1]
                        + "] as zeros: the file's model has no task embedding, so every task id computes what it computes");
            }
            return table;
        }
        if (fileRows == 0) {
            // Hugging Face's model would not add it: using it here would compute another function than the file's model.
            problems.add("tensor " + BertParameterNames.TASK_EMBEDDING + " is in the file but config.json does not set use_task_id");
            return table;
        }
        long[] fileShape = tensor.shape();
        if (fileShape.length != 2 || fileShape[1] != shape[1] || fileShape[0] != fileRows) {
            problems.add("tensor " + BertParameterNames.TASK_EMBEDDING + " has shape " + Arrays.toString(fileShape) + " but config.json implies ["
                    + fileRows + ", " + shape[1] + "]");
            return table;
        }
        if (!floating(tensor)) {
            problems.add("tensor " + BertParameterNames.TASK_EMBEDDING + " is " + tensor.type() + "; weights are read from F32, F16 or BF16");
            return table;
        }
        float[] values = tensor.floats();
        float[] all = new float[Math.toIntExact(shape[0] * shape[1])];
        System.arraycopy(values, 0, all, 0, values.length);
        if (shape[0] > fileRows) {
            created.add(BertParameterNames.TASK_EMBEDDING + " rows " + fileRows + " to " + (shape[0] - 1)
                    + " as zeros (the file has " + fileRows + "): room for new tasks");
        }
        return Nd4j.create(all, shape, 'c');
    }

    /** A written-out copy of a tied tensor must be that tensor: an untied output layer is a model ernie4j does not have. */
    private static void checkTiedCopy(Map<String, Tensor> tensors, String copy, String original, Set<String> used, List<String> problems,
            List<String> notes)
    {
        Tensor copied = tensors.get(copy);
        if (copied == null) {
            return;
        }
        used.add(copy);
        Tensor source = tensors.get(original);
        if (source != null && Arrays.equals(copied.shape(), source.shape()) && Arrays.equals(copied.floats(), source.floats())) {
            notes.add(copy + " is " + original + " written out again (checked equal): ernie4j ties them and keeps one");
        }
        else {
            problems.add("tensor " + copy + " differs from " + original + ": ernie4j's masked-token head is tied to it and cannot hold another");
        }
    }

    private static boolean floating(Tensor tensor)
    {
        return tensor.type() == TensorType.F32 || tensor.type() == TensorType.F16 || tensor.type() == TensorType.BF16;
    }

    private static String hint(String name)
    {
        if (name.startsWith(BertParameterNames.MASKED_LM_PREFIX)) {
            return ": BERT's masked-LM head; --masked-lm-head TASK imports it as that task's head, or --ignore "
                    + BertParameterNames.MASKED_LM_PREFIX + " leaves it out";
        }
        if (name.startsWith("embeddings.") || name.startsWith("encoder.") || name.startsWith("pooler.")) {
            return ": not part of the encoder that config.json describes";
        }
        // Suggest the name up to its second dot: a head's prefix, such as cls.seq_relationship.
        int first = name.indexOf('.');
        int second = first < 0 ? -1 : name.indexOf('.', first + 1);
        String prefix = second < 0 ? name : name.substring(0, second + 1);
        return ": not part of the encoder; --ignore " + prefix + " leaves it out";
    }

    static String sha256(Path file)
    {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException e) {
            throw new InteropException(file, "cannot be read: " + e.getMessage(), e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
