/**
 * Everything that times, profiles or compares with the PyTorch reference: the engine benchmark
 * ({@link attndx.bench.EngineBenchmark} against {@code shared/bench/torchref}, with ratio intervals, page
 * faults and operator profiles), the model, training and metrics throughput benchmarks and the memory
 * readings they print. It may use every other package; nothing uses it.
 */
package attndx.bench;
