"""Where the PyTorch reference spends its time (README, Performance: "Why the last 10% is out of reach").

Profiles the plain CIFAR ResNet-18 of ../shared/bench/torchref/model.py with the PyTorch profiler on
this machine: inference at 28x28 batch 64 (eval, no_grad) and a training step (forward, cross-entropy
backward, Adam). Prints the share of self CPU time spent in convolution kernels and the top operators.
Run with Debian's interpreter: /usr/bin/python3 bench/torchref_profile.py [torchref dir] [threads]
"""
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else "../shared/bench/torchref")
from model import ResNet18  # noqa: E402

torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
torch.manual_seed(0)
x = torch.rand(64, 1, 28, 28) * 2 - 1
y = torch.randint(0, 2, (64,))


def conv_share(prof):
    events = prof.key_averages()
    total = sum(e.self_cpu_time_total for e in events)
    conv = sum(e.self_cpu_time_total for e in events if "conv" in e.key or "mkldnn" in e.key)
    return total, conv / total


def report(name, prof, calls):
    total, share = conv_share(prof)
    print(f"{name}: {total / calls / 1e3:.1f} ms per call (self CPU), convolution share {share:.3f}")
    print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=8))


model = ResNet18().eval()
with torch.no_grad():
    for _ in range(3):
        model(x)
    start = time.perf_counter()
    for _ in range(5):
        model(x)
    print(f"inference 28x28 b64: {64 * 5 / (time.perf_counter() - start):.1f} images/s")
    with torch.autograd.profiler.profile() as prof:
        for _ in range(3):
            model(x)
report("inference 28x28 b64", prof, 3)

model = ResNet18().train()
opt = torch.optim.Adam(model.parameters(), 1e-3)


def step():
    opt.zero_grad(set_to_none=True)
    F.cross_entropy(model(x), y).backward()
    opt.step()


for _ in range(2):
    step()
with torch.autograd.profiler.profile() as prof:
    for _ in range(3):
        step()
report("training step 28x28 b64", prof, 3)
