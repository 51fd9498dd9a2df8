/**
 * Training: the full objective (classification, sparsity, smoothness, perturbation consistency),
 * perturbations with their inverse maps, augmentation, the training loop and checkpoints.
 */
package attndx.train;
