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
  def conv(self: __torch__.Kernels,
    x: Tensor,
    w: Tensor,
    b: Tensor,
    padding: List[int],
    stride: List[int],
    dilation: List[int],
    groups: int,
    relu: bool) -> Tensor:
    y = torch.conv2d(x, w, b, stride, padding, dilation, groups)
    if relu:
      y = torch.relu_(y)
    return y
  def add_relu(self: __torch__.Kernels,
    a: Tensor,
    b: Tensor) -> Tensor:
    return torch.relu_(torch.add_(a, b))
