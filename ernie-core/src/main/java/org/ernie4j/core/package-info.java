/**
 * ernie4j's core: everything between raw text and a trained encoder, in layers that each use only the layers below
 * them (docs/ARCHITECTURE.md; the architecture tests enforce it): {@code support}, {@code text}, {@code model},
 * {@code engine}, {@code training}, {@code config}, then the workflows {@code pretrained}, {@code run},
 * {@code finetune} and {@code interop}, and on top {@code embed}, what an application embeds. Classes marked
 * {@link org.ernie4j.core.PublicApi} are what code outside the core may use.
 */
package org.ernie4j.core;
