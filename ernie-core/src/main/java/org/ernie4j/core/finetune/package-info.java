/**
 * Fine-tuning and evaluation: a pre-trained encoder with a new classification head trained on labelled items,
 * early stopping on the dev metric, and the metrics of a saved fine-tuned model.
 */
package org.ernie4j.core.finetune;
