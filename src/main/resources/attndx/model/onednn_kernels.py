  def to_blocked(self: __torch__.Kernels,
    x: Tensor) -> Tensor:
    return x.to_mkldnn()
  def to_dense(self: __torch__.Kernels,
    x: Tensor) -> Tensor:
    return x.to_dense()
  def pack(self: __torch__.Kernels,
    w: Tensor,
    padding: List[int],
    stride: List[int],
    dilation: List[int],
    groups: int) -> Tensor:
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
