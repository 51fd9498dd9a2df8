  def twice(self: __torch__.Kernels,
    x: Tensor) -> Tensor:
    return torch.no_such_operator(x)
