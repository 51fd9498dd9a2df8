  def twice(self: __torch__.Kernels,
    x: Tensor) -> Tensor:
    return torch.mul(x, 2)
