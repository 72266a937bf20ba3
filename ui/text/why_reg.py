"""Strings of the §1.5 why-regularization page: {key: (English, 中文)}."""

STRINGS = {
    "why_reg.intro": (
        "Why does shrinking the weights reduce overfitting? Two intuitions. First, with a very large λ the "
        "cheapest weights are nearly zero, so most hidden units hardly affect the output any more: the "
        "network behaves like a much smaller one, and moves from high variance towards high bias. The units "
        "are all still there — their influence is what shrinks — and somewhere between λ = 0 and a huge λ "
        "lies a value that is just right.\n\n"
        "Second, look at a tanh unit. Near z = 0 the curve tanh(z) is almost the straight line z; it bends "
        "only for larger |z|. Small weights make z[l] = W[l]a[l−1] + b[l] small, so every unit works in that "
        "nearly linear part. A network whose layers are all (nearly) linear computes a (nearly) linear "
        "function however deep it is — it cannot draw the twisted boundary that overfitting needs. Below, "
        "every value of the λ slider is trained at once, with tanh hidden units, on the same data as §1.4.",
        "为什么让权重变小可以减少过拟合？有两种直观的理解。第一，λ 非常大时，代价最小的权重几乎都是 0，于是大多数隐藏单元"
        "对输出几乎不再起作用：网络表现得像一个小得多的网络，从高方差逐渐走向高偏差。这些单元其实都还在，只是作用变小了；"
        "而在 λ = 0 和极大的 λ 之间，存在一个恰到好处的取值。\n\n"
        "第二，看一个 tanh 单元。在 z = 0 附近，tanh(z) 几乎就是直线 z，只有 |z| 较大时曲线才会弯曲。权重小，"
        "z[l] = W[l]a[l−1] + b[l] 就小，每个单元都工作在这段近似线性的区间里。如果每一层都（近似）是线性的，那么不管网络"
        "有多深，它算出的都（近似）是一个线性函数，画不出过拟合所需要的那种曲折边界。下面把 λ 滑块上的每个取值一次性"
        "全部训练出来，隐藏层使用 tanh，数据与 §1.4 相同。",
    ),
    "why_reg.ctl.linear_zone": ("Near-linear zone: |z| below", "近似线性区间：|z| 小于"),
    "why_reg.ctl.linear_zone.help": (
        "Where tanh(z) counts as nearly linear. At |z| = 0.5, tanh(z) differs from z by about 8%. "
        "Changing it does not retrain.",
        "在这个范围内把 tanh(z) 看作近似线性。|z| = 0.5 时，tanh(z) 与 z 相差约 8%。改变它不会重新训练。",
    ),
    "why_reg.metric.share": (
        "Layer {l}: z with |z| < {threshold:g}",
        "第 {l} 层：|z| < {threshold:g} 的比例",
    ),
    "why_reg.tab.boundary": ("Current boundary", "当前边界"),
    "why_reg.tab.multiples": ("Boundaries by λ", "各 λ 的边界"),
    "why_reg.tab.trend": ("Trends over λ", "随 λ 的趋势"),
    "why_reg.sec.z": ("Where the units operate on the tanh curve", "各单元工作在 tanh 曲线的哪一段"),
    "why_reg.z.caption": (
        "For the current λ: the distribution of every hidden unit's z over all training examples (bars), "
        "drawn under tanh(z) and the straight line z. The shaded band is the near-linear zone. With λ = 0 "
        "much of z lies far out on the flat, strongly curved parts; raise λ and the bars gather in the "
        "middle.",
        "当前 λ 下，每个隐藏单元在全部训练样本上的 z 值分布（柱状图），画在 tanh(z) 和直线 z 之下。阴影部分是近似线性"
        "区间。λ = 0 时，很多 z 落在远处平坦、弯曲明显的部分；增大 λ，柱子会向中间聚拢。",
    ),
    "why_reg.sec.share": ("More linear as λ grows", "λ 越大，网络越接近线性"),
    "why_reg.share.caption": (
        "The same share for every value of λ — all {k} networks were trained together in one batched run. "
        "The dashed line marks the current λ.",
        "对每个 λ 取值计算同样的比例——这 {k} 个网络是在一次批量运算中一起训练出来的。虚线标出当前的 λ。",
    ),
    "why_reg.length.caption": (
        "How long the decision boundary is on the plotting grid: an overfitted boundary winds around single "
        "points and encloses small islands, so it is long; a nearly linear network draws a short, almost "
        "straight line. At very large λ the network may predict one class everywhere, and the length drops "
        "to zero.",
        "在绘图网格上测量的决策边界长度：过拟合的边界绕着单个点打转、圈出一个个小岛，所以很长；近似线性的网络画出的是"
        "一条短而几乎笔直的线。λ 极大时，网络可能处处都预测同一个类别，长度会降到 0。",
    ),
    "why_reg.sec.current": ("The decision boundary at the current λ", "当前 λ 下的决策边界"),
    "why_reg.sec.boundaries": ("Simpler boundaries as λ grows", "λ 越大，边界越简单"),
    "why_reg.boundaries.caption": (
        "The same data and the same starting weights; only λ differs between the panels.",
        "各个小图使用相同的数据和相同的初始权重，只有 λ 不同。",
    ),
    "why_reg.current.caption": (
        "The network at the current λ, with its train and dev points.",
        "当前 λ 下的网络，以及它的训练点和验证点。",
    ),
    "why_reg.waiting": (
        "Training all {k} values of λ together in the background; the charts of this tab appear here in a "
        "moment.",
        "正在后台同时训练全部 {k} 个 λ 取值，这个标签页的图表稍后会出现在这里。",
    ),
    "why_reg.capped": (
        "To keep the page responsive, each network was trained for {used} iterations (you asked for {asked}).",
        "为保证页面流畅，每个网络只训练了 {used} 次迭代（你设置的是 {asked} 次）。",
    ),
    "why_reg.time_budget": (
        "Training stopped after {seconds:.0f} s, at iteration {iteration}, to keep the page responsive.",
        "为保证页面流畅，训练在 {seconds:.0f} 秒后停止，停在第 {iteration} 次迭代。",
    ),
    "why_reg.diverged": (
        "The network at this λ diverged at iteration {iteration}: its cost became huge or not a number. "
        "Lower the learning rate.",
        "这个 λ 下的网络在第 {iteration} 次迭代发散：代价变得极大或不是数值。请降低学习率。",
    ),
    "why_reg.sec.formula": (
        "Why nearly linear layers give a nearly linear network",
        "为什么近似线性的层只能组成近似线性的网络",
    ),
    "why_reg.formula.text": (
        "If every g[l] were exactly linear, the layers would collapse into a single linear map — a logistic "
        "regression, whose boundary is a straight line:",
        "如果每个 g[l] 都恰好是线性的，各层就会合并成一个线性映射——相当于逻辑回归，它的决策边界是一条直线：",
    ),
    "why_reg.chart.z_title": ("Pre-activations z over the tanh curve", "tanh 曲线上的预激活值 z"),
    "why_reg.chart.z_layer": (
        "hidden layer {l}: {share:.0%} with |z| < {threshold:g}",
        "隐藏层 {l}：{share:.0%} 的 |z| < {threshold:g}",
    ),
    "why_reg.chart.z_axis": ("z", "z"),
    "why_reg.chart.z_share_axis": ("share of z values", "z 值所占比例"),
    "why_reg.chart.tanh": ("tanh(z)", "tanh(z)"),
    "why_reg.chart.linear": ("z (the straight line)", "z（直线）"),
    "why_reg.chart.z_hist": ("z[{l}] over units × examples", "z[{l}]（所有单元 × 所有样本）"),
    "why_reg.chart.clipped": (
        "{n} values beyond ±{r:g}:<br>in the end bins",
        "{n} 个值超出 ±{r:g}：<br>画在两端的柱中",
    ),
    "why_reg.chart.share_title": (
        "Share of z in the near-linear zone |z| < {threshold:g}",
        "落在近似线性区间 |z| < {threshold:g} 内的 z 所占比例",
    ),
    "why_reg.chart.share_axis": ("share of z values", "z 值所占比例"),
    "why_reg.chart.share_series": ("hidden layer {l}", "隐藏层 {l}"),
    "why_reg.chart.length_title": ("Length of the decision boundary", "决策边界的长度"),
    "why_reg.chart.length_axis": ("boundary length (units of x)", "边界长度（以 x 的单位计）"),
    "why_reg.chart.length_series": ("boundary length", "边界长度"),
    "why_reg.chart.lambda_axis": ("λ", "λ"),
    "why_reg.chart.current": ("current", "当前值"),
    "why_reg.chart.zero_tick": ("0", "0"),
    "why_reg.chart.boundaries_title": ("Decision boundaries as λ grows", "随 λ 增大的决策边界"),
    "why_reg.chart.panel": ("λ = {value}", "λ = {value}"),
}
