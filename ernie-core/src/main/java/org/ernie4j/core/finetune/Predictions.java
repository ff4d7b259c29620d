package org.ernie4j.core.finetune;

import java.util.ArrayList;
import java.util.List;

import org.ernie4j.core.engine.Batch;
import org.ernie4j.core.engine.BatchTargets;
import org.ernie4j.core.engine.ModelEngine;
import org.ernie4j.core.model.TaskHead;
import org.ernie4j.spi.example.Example;
import org.ernie4j.spi.example.TokenLabels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gold and predicted labels of a labelled set: one per example for a sequence head, one per labelled word for a token
 * head.
 */
record Predictions(int[] gold, int[] predicted)
{
    static Predictions of(ModelEngine engine, TaskHead head, List<Example> examples, int batchSize, int padId)
    {
        List<Integer> gold = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        for (int start = 0; start < examples.size(); start += batchSize) {
            Batch batch = Batch.of(examples.subList(start, Math.min(examples.size(), start + batchSize)), padId);
            INDArray best = Nd4j.argMax(engine.logits(head, batch), 1);
            int[] labels = batch.targets() instanceof BatchTargets.SequenceLabels rows ? rows.labels()
                    : ((BatchTargets.TokenLabelGrid) batch.targets()).labels();
            for (int row = 0; row < labels.length; row++) {
                if (labels[row] != TokenLabels.IGNORED) {
                    gold.add(labels[row]);
                    predicted.add(best.getInt(row));
                }
            }
        }
        return new Predictions(gold.stream().mapToInt(Integer::intValue).toArray(), predicted.stream().mapToInt(Integer::intValue).toArray());
    }
}
