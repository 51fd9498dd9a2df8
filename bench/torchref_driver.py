"""Reference side of `attndx bench engine`: times the PyTorch eager reference on request.

Reads one request per line from stdin and answers one JSON line per request on stdout:
    train <ResNet18|AttnResNet18> <hw> <batch> <warmup> <reps>   -> fwd + cross-entropy bwd + Adam step
    infer <ResNet18|AttnResNet18> <hw> <batch> <warmup> <reps>   -> forward under torch.no_grad()
    gradcam <name> <hw> <batch> <warmup> <reps>     -> saliency.gradcam (backward through the head only)
    deletion <name> <hw> <batch> <warmup> <reps>    -> saliency.deletion_curve, 20 steps, perturbed images
                                                       evaluated in batches of 20, over a Grad-CAM map and
                                                       clean probability computed beforehand
    env                                                           -> torch version and thread counts
Answer: {"seconds": [...], "minor_faults": n} (one entry per timed call; page faults of the timed calls). Models and inputs are built once per request
kind and kept, so the caller can alternate blocks of AttnDx and reference calls (interleaving).
The timed calls are exactly those of ../shared/bench/torchref/bench.py (same model.py).
Usage: /usr/bin/python3 torchref_driver.py <path to shared/bench/torchref> [threads]
"""
import json
import resource
import sys
import time

sys.path.insert(0, sys.argv[1])
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from model import build  # noqa: E402
from saliency import deletion_curve, gradcam  # noqa: E402

DELETION_STEPS = 20
DELETION_EVAL_BATCH = 20


def train_step(name, hw, batch, gen):
    model = build(name).train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = (torch.rand(batch, 1, hw, hw, generator=gen) * 2 - 1).contiguous()
    y = torch.randint(0, 2, (batch,), generator=gen)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
    return step


def infer(name, hw, batch, gen):
    model = build(name).eval()
    x = (torch.rand(batch, 1, hw, hw, generator=gen) * 2 - 1).contiguous()

    def fwd():
        with torch.no_grad():
            model(x)
    return fwd


def grad_cam(name, hw, batch, gen):
    model = build(name).eval()
    x = (torch.rand(batch, 1, hw, hw, generator=gen) * 2 - 1).contiguous()
    return lambda: gradcam(model, x)


def deletion(name, hw, batch, gen):
    """As bench.py's make_deletion(..., eval_batch=20): map and clean probability computed once."""
    model = build(name).eval()
    x = (torch.rand(batch, 1, hw, hw, generator=gen) * 2 - 1).contiguous()
    cam, logits, target = gradcam(model, x)
    clean = logits.softmax(1).gather(1, target.view(-1, 1)).squeeze(1)
    return lambda: deletion_curve(model, x, cam, target, steps=DELETION_STEPS, eval_batch=DELETION_EVAL_BATCH,
                                  clean_probs=clean)


FACTORIES = {"train": train_step, "infer": infer, "gradcam": grad_cam, "deletion": deletion}


def main():
    torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    cache = {}
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "env":
            print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(),
                              "interop_threads": torch.get_num_interop_threads()}), flush=True)
            continue
        kind, name, hw, batch, warmup, reps = parts[0], parts[1], int(parts[2]), int(parts[3]), int(parts[4]), int(parts[5])
        key = (kind, name, hw, batch)
        if key not in cache:
            cache[key] = FACTORIES[kind](name, hw, batch, gen)
        fn = cache[key]
        for _ in range(warmup):
            fn()
        ts = []
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for _ in range(reps):
            t0 = time.perf_counter()
            fn()
            ts.append(time.perf_counter() - t0)
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
        print(json.dumps({"seconds": ts, "minor_faults": faults}), flush=True)


if __name__ == "__main__":
    main()
