  def adam(self: __torch__.Kernels,
    w: Tensor,
    g: Tensor,
    m: Tensor,
    v: Tensor,
    step: int,
    lr: float,
    beta1: float,
    beta2: float,
    weight_decay: float,
    eps: float,
    decoupled: bool,
    grad_scale: float) -> Tuple[Tensor, Tensor, Tensor, Tensor]:
    ws = [w]
    gs = [g]
    ms = [m]
    vs = [v]
    steps = [torch.full([1], float(step), device=w.device)]
    scale = torch.full([1], grad_scale, device=w.device)
    if decoupled:
      torch._fused_adamw_(ws, gs, ms, vs, annotate(List[Tensor], []), steps, lr=lr, beta1=beta1, beta2=beta2, weight_decay=weight_decay, eps=eps, amsgrad=False, maximize=False, grad_scale=scale, found_inf=None)
    else:
      torch._fused_adam_(ws, gs, ms, vs, annotate(List[Tensor], []), steps, lr=lr, beta1=beta1, beta2=beta2, weight_decay=weight_decay, eps=eps, amsgrad=False, maximize=False, grad_scale=scale, found_inf=None)
    return (ws[0], gs[0], ms[0], vs[0])
