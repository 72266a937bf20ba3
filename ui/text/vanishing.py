"""Strings of the §1.10 vanishing/exploding gradients page: {key: (English, 中文)}."""

STRINGS = {
    "vanishing.intro": (
        "A deep network multiplies its input by one weight matrix after another. If each matrix makes the "
        "signal a little larger, the effect compounds like interest: after 150 layers a factor of 1.5 per "
        "layer has become 10²⁶. A factor a little below 1 compounds the other way, towards zero. The same "
        "happens on the way back, so the gradients that gradient descent relies on can become enormous or "
        "vanishingly small — exponentially in the depth.",
        "深层网络把输入一个接一个地乘以权重矩阵。如果每个矩阵都让信号稍微变大一点，效果就会像复利一样累积：每层 1.5 倍，"
        "150 层之后就变成了 10²⁶ 倍。每层的倍数稍小于 1 时，则会朝相反方向累积，趋向于零。反向传播时也是如此，"
        "所以梯度下降所依赖的梯度可能变得极大，也可能小到几乎消失——而且随深度呈指数变化。",
    ),
    "vanishing.linear.header": ("The lecture's deep linear network", "课程中的深层线性网络"),
    "vanishing.linear.text": (
        "Every layer is linear, g(z) = z, with no bias, and every hidden weight matrix is a times the "
        "identity; as in the lecture the last matrix is left out. The input x = (1, 1) then leaves layer l "
        "as aˡ·x, and the output is ŷ = a^(L−1)·x. The chart computes it with real matrix products and "
        "compares it with the exact power. In single precision (float32) the numbers leave the range a "
        "computer can store much sooner: they become inf (overflow) or 0 (underflow), and inf times the "
        "zeros of the next matrix gives NaN.",
        "每一层都是线性的，g(z) = z，没有偏置，每个隐藏层的权重矩阵都是 a 倍的单位矩阵；和课程中一样，省略最后一个矩阵。"
        "输入 x = (1, 1) 经过第 l 层后就是 aˡ·x，输出为 ŷ = a^(L−1)·x。图中用真实的矩阵乘法计算它，并与精确的幂"
        "对比。在单精度（float32）下，数值会更早地超出计算机能表示的范围：变成 inf（上溢）或 0（下溢），而 inf 乘以"
        "下一个矩阵中的零元素会得到 NaN。",
    ),
    "vanishing.ctl.lin_a": ("Weight a in W[l] = a·I", "W[l] = a·I 中的权重 a"),
    "vanishing.ctl.lin_a.help": (
        "Below 1 the signal shrinks layer by layer, above 1 it grows; the lecture uses 0.5 and 1.5.",
        "小于 1 时信号逐层缩小，大于 1 时逐层放大；课程中用的是 0.5 和 1.5。",
    ),
    "vanishing.ctl.lin_depth": ("Number of layers L", "层数 L"),
    "vanishing.ctl.lin_float32": ("Compute in single precision (float32)", "用单精度（float32）计算"),
    "vanishing.ctl.lin_float32.help": (
        "float32 stores numbers up to about 3.4·10³⁸ and down to about 1.4·10⁻⁴⁵; float64 up to 1.8·10³⁰⁸.",
        "float32 能表示的最大数约为 3.4·10³⁸，最小正数约为 1.4·10⁻⁴⁵；float64 的最大数约为 1.8·10³⁰⁸。",
    ),
    "vanishing.chart.linear_title": ("First unit of a[l], layer by layer", "a[l] 第一个分量，逐层变化"),
    "vanishing.chart.computed": ("computed a[l]₁ ({dtype})", "计算得到的 a[l]₁（{dtype}）"),
    "vanishing.chart.exact": ("exact aˡ (last layer a^(L−1))", "精确值 aˡ（最后一层为 a^(L−1)）"),
    "vanishing.chart.activation_axis": ("a[l]₁", "a[l]₁"),
    "vanishing.chart.layers": ("layers {first}–{last}", "第 {first}–{last} 层"),
    "vanishing.chart.depth_title": (
        "ŷ = a^(L−1)·x for x = 1, against the depth L",
        "x = 1 时 ŷ = a^(L−1)·x 随深度 L 的变化",
    ),
    "vanishing.chart.depth": ("depth L", "深度 L"),
    "vanishing.chart.output": ("ŷ", "ŷ"),
    "vanishing.chart.series": ("a = {a}", "a = {a}"),
    "vanishing.chart.yours": ("your a = {a}, L = {L}", "你的 a = {a}，L = {L}"),
    "vanishing.chart.float32_max": ("largest float32 ≈ 3.4·10³⁸", "float32 最大值 ≈ 3.4·10³⁸"),
    "vanishing.chart.float32_min": ("smallest float32 > 0 ≈ 1.4·10⁻⁴⁵", "float32 最小正数 ≈ 1.4·10⁻⁴⁵"),
    "vanishing.chart.float64_max": ("largest float64 ≈ 1.8·10³⁰⁸", "float64 最大值 ≈ 1.8·10³⁰⁸"),
    "vanishing.metric.output": ("ŷ₁ computed", "计算得到的 ŷ₁"),
    "vanishing.metric.exact": ("a^(L−1) exactly", "a^(L−1) 的精确值"),
    "vanishing.metric.growth": ("Change per 10 layers", "每 10 层的变化倍数"),
    "vanishing.linear.overflow": (
        "Overflow: from layer {layer} on the value is too large for {dtype} and becomes inf; the next matrix "
        "product turns it into NaN (inf × 0). A real network would now produce nothing but NaN.",
        "上溢：从第 {layer} 层开始，数值超出了 {dtype} 能表示的范围，变成 inf；下一次矩阵乘法又把它变成 NaN"
        "（inf × 0）。真实的网络此时只会输出 NaN。",
    ),
    "vanishing.linear.underflow": (
        "Underflow: from layer {layer} on the value is too small for {dtype} and is rounded to exactly 0 — "
        "every later layer, and every gradient through it, is 0 as well.",
        "下溢：从第 {layer} 层开始，数值小到 {dtype} 无法表示，被舍入为恰好等于 0——之后的每一层以及经过它的每个梯度"
        "也都是 0。",
    ),
    "vanishing.linear.in_range": (
        "All {L} layers stay within the range of {dtype}: the computed values agree with a^l to rounding "
        "(largest relative difference {error:.1e}).",
        "全部 {L} 层都在 {dtype} 的表示范围内：计算值与 aˡ 只相差舍入误差（最大相对误差 {error:.1e}）。",
    ),
    "vanishing.network.header": (
        "A real deep network: gradients layer by layer",
        "真实的深层网络：逐层观察梯度",
    ),
    "vanishing.network.text": (
        "Now a real classifier on the moons data: L layers of the same width, relu or tanh, biases 0 and "
        "weights drawn as W[l] = gain·N(0, 1/n[l−1]). For relu, a gain of √2 ≈ 1.41 keeps the size of the "
        "signal from layer to layer (He initialization); for tanh it is about 1 (Xavier). Move the gain a "
        "little away from that and the signal shrinks or grows by the same factor at every layer.",
        "现在换成一个真实的分类器，在双月形数据上训练：L 层宽度相同，使用 relu 或 tanh，偏置为 0，权重取 "
        "W[l] = gain·N(0, 1/n[l−1])。对 relu 来说，gain 取 √2 ≈ 1.41 能让信号的大小逐层保持不变（He 初始化）；"
        "对 tanh 来说大约是 1（Xavier）。只要 gain 稍微偏离这个值，信号在每一层都会按同样的倍数缩小或放大。",
    ),
    "vanishing.ctl.net_depth": ("Number of layers L", "层数 L"),
    "vanishing.ctl.net_width": ("Units per hidden layer", "每个隐藏层的单元数"),
    "vanishing.ctl.net_act": ("Hidden activation", "隐藏层激活函数"),
    "vanishing.ctl.net_gain": ("Weight gain", "权重增益 gain"),
    "vanishing.ctl.net_gain.help": (
        "W[l] = gain·N(0, 1/n[l−1]): 1 is Xavier's scale, √2 ≈ 1.41 He's.",
        "W[l] = gain·N(0, 1/n[l−1])：1 对应 Xavier 的尺度，√2 ≈ 1.41 对应 He 的尺度。",
    ),
    "vanishing.ctl.net_alpha": ("Learning rate α", "学习率 α"),
    "vanishing.chart.signals_title": (
        "Forward and backward signals at initialization",
        "初始化时的前向与反向信号",
    ),
    "vanishing.chart.forward": ("forward: RMS of a[l]", "前向：a[l] 的均方根"),
    "vanishing.chart.backward": ("backward: RMS of dz[l]", "反向：dz[l] 的均方根"),
    "vanishing.chart.signal_axis": ("size (log scale)", "大小（对数刻度）"),
    "vanishing.signals.text": (
        "The forward signal a[l] changes by about the same factor at every layer, and so does the backward "
        "signal dz[l] on its way from the output to the input. A weight gradient dW[l] = dz[l]·a[l−1]ᵀ/m "
        "combines one signal that has crossed l−1 layers with one that has crossed L−l, so at initialization "
        "all layers' gradients sit at roughly the same height — but that height is itself exponential in L.",
        "前向信号 a[l] 每经过一层都按大致相同的倍数变化，反向信号 dz[l] 从输出传回输入时也是如此。权重梯度 "
        "dW[l] = dz[l]·a[l−1]ᵀ/m 把穿过了 l−1 层的信号与穿过了 L−l 层的信号乘在一起，所以初始化时各层梯度的高度"
        "大致相同——但这个高度本身随 L 呈指数变化。",
    ),
    "vanishing.verdict.vanishing": (
        "Vanishing gradients: at initialization one step of gradient descent changes the weights of any layer "
        "by at most {rel:.1e} of their size, so training hardly moves.",
        "梯度消失：初始化时，梯度下降的一步最多只能让任何一层的权重改变其大小的 {rel:.1e}，训练几乎停滞。",
    ),
    "vanishing.verdict.exploding": (
        "Exploding gradients: at initialization one step of gradient descent would change the weights of some "
        "layer by {rel:.3g} times their size, so the next step lands far away.",
        "梯度爆炸：初始化时，梯度下降的一步会让某一层的权重改变其大小的 {rel:.3g} 倍，下一步就会落到很远的地方。",
    ),
    "vanishing.verdict.healthy": (
        "Gradients of a workable size: one step changes each layer's weights by {low:.1e} to {high:.1e} of "
        "their size.",
        "梯度大小合适：每一步让各层权重改变其大小的 {low:.1e} 到 {high:.1e}。",
    ),
    "vanishing.curves.header": ("Does training succeed?", "训练能成功吗？"),
    "vanishing.formula.header": ("The formulas", "公式"),
    "vanishing.formula.text": (
        "Forward through the linear network, and backward through any network: each layer contributes one "
        "factor, so L layers contribute a product of L factors.",
        "线性网络的前向传播，以及任何网络的反向传播：每一层贡献一个因子，L 层就是 L 个因子的乘积。",
    ),
}
