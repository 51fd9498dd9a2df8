/**
 * The CPU kernel layer and the inference runner. {@link attndx.kernels.KernelSelection} is its one door: it
 * decides, per machine, which kernel set runs ({@code plain}: DJL's own operators; {@code fast}: oneDNN's
 * blocked-format kernels, NNPACK's Winograd convolutions in one-thread workers, libtorch's fused Adam), from
 * the verdict of {@link attndx.kernels.KernelProbe}, which tries every fast operator in a child JVM first, so
 * a kernel that crashes on this CPU kills the child, never the user's process. Behind the door:
 * {@link attndx.kernels.ModelRunner} (batch inference), {@link attndx.kernels.FoldedInference} (batch norm
 * folded), the blocked and Winograd kernels reached through {@link attndx.kernels.ScriptedKernels}, the
 * inference workers and {@link attndx.kernels.FusedAdam}. Imports {@code attndx.core}, {@code attndx.data}
 * and {@code attndx.model}.
 */
package attndx.kernels;
