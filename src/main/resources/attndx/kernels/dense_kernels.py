  def available(self: __torch__.Kernels,
    x: Tensor) -> Tensor:
    return torch.full([1], float(torch._nnpack_available()))
  def winograd(self: __torch__.Kernels,
    x: Tensor,
    w: Tensor,
    b: Tensor,
    padding: List[int],
    relu: bool) -> Tensor:
    y = torch._nnpack_spatial_convolution(x.contiguous(), w, b, padding, [1, 1])
    if relu:
      y = torch.relu_(y)
    return y
