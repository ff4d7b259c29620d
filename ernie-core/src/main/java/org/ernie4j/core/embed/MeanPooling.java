package org.ernie4j.core.embed;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sentence embedding that sentence-transformers models (all-MiniLM and its kin) are trained for: the mean of the
 * vectors of a text's real pieces ({@code [CLS]} and {@code [SEP]} included, padding left out), optionally scaled to
 * length 1 so that a dot product is the cosine.
 */
public final class MeanPooling
{
    private MeanPooling()
    {
    }

    /**
     * @param sequence the encoder's output of a batch, {@code [examples, length, hidden]}
     * @param example which example
     * @param pieces how many positions of it are real pieces (the rest is padding)
     */
    public static float[] of(INDArray sequence, int example, int pieces, boolean normalize)
    {
        if (pieces < 1 || pieces > sequence.size(1)) {
            throw new IllegalArgumentException("an example of " + sequence.size(1) + " positions cannot have " + pieces + " pieces");
        }
        INDArray rows = sequence.slice(example);
        float[][] vectors = new float[pieces][];
        for (int position = 0; position < pieces; position++) {
            vectors[position] = rows.getRow(position).toFloatVector();
        }
        return of(vectors, normalize);
    }

    /** The same from the vectors of a text's real pieces, one row each. */
    public static float[] of(float[][] pieceVectors, boolean normalize)
    {
        if (pieceVectors.length < 1) {
            throw new IllegalArgumentException("a text has at least one piece ([CLS]), not none");
        }
        int hidden = pieceVectors[0].length;
        // Sum in double: a long text's mean should not depend on the order of 512 float additions.
        double[] sum = new double[hidden];
        for (float[] row : pieceVectors) {
            for (int i = 0; i < hidden; i++) {
                sum[i] += row[i];
            }
        }
        int pieces = pieceVectors.length;
        double norm = 0;
        for (int i = 0; i < hidden; i++) {
            sum[i] /= pieces;
            norm += sum[i] * sum[i];
        }
        // sentence-transformers' Normalize divides by max(norm, 1e-12), as torch.nn.functional.normalize does.
        double scale = normalize ? 1 / Math.max(Math.sqrt(norm), 1e-12) : 1;
        float[] mean = new float[hidden];
        for (int i = 0; i < hidden; i++) {
            mean[i] = (float) (sum[i] * scale);
        }
        return mean;
    }
}
