  def to_blocked(self: __torch__.Kernels,
    x: Tensor,
    bf16: bool) -> Tensor:
    if bf16:
      x = torch.to(x, 15)
    return x.to_mkldnn()
  def to_dense(self: __torch__.Kernels,
    x: Tensor) -> Tensor:
    return torch.to(x.to_dense(), 6)
  def pack(self: __torch__.Kernels,
    w: Tensor,
    padding: List[int],
    stride: List[int],
    dilation: List[int],
    groups: int,
    bf16: bool) -> Tensor:
    if bf16:
      w = torch.to(w, 15)
    return torch.mkldnn_reorder_conv2d_weight(w.to_mkldnn(), padding, stride, dilation, groups)
  def conv(self: __torch__.Kernels,
    x: Tensor,
    w: Tensor,
    b: Tensor,
    padding: List[int],
    stride: List[int],
    dilation: List[int],
    groups: int,
    relu: bool) -> Tensor:
    y = torch.mkldnn_convolution(x, w, b, padding, stride, dilation, groups)
    if relu:
      y = torch.relu_(y)
    return y
  def add_relu(self: __torch__.Kernels,
    a: Tensor,
    b: Tensor) -> Tensor:
    return torch.relu_(torch.add_(a, b))
  def cast(self: __torch__.Kernels,
    x: Tensor,
    bf16: bool) -> Tensor:
    if bf16:
      return torch.to(x, 15)
    return x
  def bf16_supported(self: __torch__.Kernels) -> Tensor:
    return torch.full([1], float(ops.mkldnn._is_mkldnn_bf16_supported()))
