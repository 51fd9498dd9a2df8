/**
 * The model family as DJL blocks: residual backbone, spatial attention heads, multi-scale fusion,
 * baselines (GAP, SE, CBAM), the segmentation head, configs and save/load. Imports
 * {@code attndx.core} and {@code attndx.data} only.
 */
package attndx.model;
