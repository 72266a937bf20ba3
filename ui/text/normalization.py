"""Strings of the §1.9 normalizing-inputs page: {key: (English, 中文)}."""

STRINGS = {
    "normalization.intro": (
        "Here one feature, x₁, runs from about 1 to 1000 while the other, x₂, stays between 0 and 1. "
        "A weight on x₁ therefore changes the cost a million times more than the same change of the weight "
        "on x₂, and gradient descent must take tiny steps so as not to overshoot in the steep direction — "
        "steps far too small for the shallow one. Normalizing subtracts the mean μ of each feature and "
        "divides by its standard deviation σ; then both features matter on the same scale and the cost "
        "becomes a round bowl. To keep the picture exact the model is logistic regression with two weights "
        "and no bias, ŷ = σ(w₁x₁ + w₂x₂): this data set is split by a line through the origin either way.",
        "这里的特征 x₁ 大约从 1 变到 1000，而另一个特征 x₂ 只在 0 到 1 之间。于是 x₁ 的权重稍一变化，代价函数的变化"
        "就是 x₂ 的权重作同样变化时的上百万倍。梯度下降只能迈很小的步子，免得在陡峭的方向上冲过头——可这样的步子对平缓"
        "的方向来说又实在太小。归一化就是让每个特征减去自己的均值 μ，再除以自己的标准差 σ；这样两个特征处在同一量级，"
        "代价函数就变成一个圆圆的碗。为了让图像完全准确，这里用只有两个权重、不带偏置的逻辑回归 ŷ = σ(w₁x₁ + w₂x₂)："
        "无论是否归一化，这个数据集都能被一条过原点的直线分开。",
    ),
    "normalization.ctl.normalize": ("Normalize the inputs", "归一化输入"),
    "normalization.ctl.normalize.help": (
        "On: gradient descent works on (x − μ)/σ with μ and σ from the training set. Off: on the raw x.",
        "打开：梯度下降使用 (x − μ)/σ，其中 μ 和 σ 来自训练集。关闭：直接使用原始的 x。",
    ),
    "normalization.ctl.learning_rate": ("Learning rate α", "学习率 α"),
    "normalization.ctl.learning_rate.help": (
        "Step size of gradient descent, on a log scale. The raw inputs need a rate about a million times "
        "smaller than the normalized ones.",
        "梯度下降的步长（对数刻度）。原始输入需要的学习率大约比归一化后的输入小一百万倍。",
    ),
    "normalization.ctl.tolerance": ("Target: within δ of the lowest cost", "目标：与最低代价相差不超过 δ"),
    "normalization.ctl.tolerance.help": (
        "A run has reached its target when J ≤ J* + δ, where J* is the lowest cost this model can reach.",
        "当 J ≤ J* + δ 时，就算达到了目标；J* 是这个模型所能达到的最低代价。",
    ),
    "normalization.ctl.m": ("Training examples m", "训练样本数 m"),
    "normalization.ctl.own_stats": ("Use the batch's own μ, σ² (mistake)", "用批次自身的 μ、σ²（错误）"),
    "normalization.ctl.own_stats.help": (
        "Off: the dev batch goes through the same transform as the training set. On: it is centred and "
        "scaled by its own statistics.",
        "关闭：验证批次使用与训练集相同的变换。打开：用它自己的统计量来居中和缩放。",
    ),
    "normalization.ctl.dev_share": ("Share of class 1 in the dev batch", "验证批次中类别 1 的比例"),
    "normalization.ctl.dev_share.help": (
        "New data often comes in batches that are not balanced; 0.5 means half of each class.",
        "新数据常常成批到来，而且类别并不均衡；0.5 表示两类各占一半。",
    ),
    "normalization.ctl.m_dev": ("Examples in the dev batch", "验证批次的样本数"),
    "normalization.data.header": ("The data before and after", "归一化前后的数据"),
    "normalization.data.text": (
        "The dashed box is μ ± σ of each panel. Normalizing moves the centre to the origin and makes both "
        "sides of the box one unit long; the picture itself (which points are where) does not change.",
        "虚线框表示各自的 μ ± σ。归一化把中心移到原点，并让框的两条边都变成一个单位长；点与点之间的相对位置没有改变。",
    ),
    "normalization.stats.mu_raw": ("μ (raw)", "μ（原始）"),
    "normalization.stats.var_raw": ("σ² (raw)", "σ²（原始）"),
    "normalization.stats.mu_norm": ("μ (normalized)", "μ（归一化后）"),
    "normalization.stats.var_norm": ("σ² (normalized)", "σ²（归一化后）"),
    "normalization.contour.header": (
        "Cost contours and the path of gradient descent",
        "代价函数等高线与梯度下降的路径",
    ),
    "normalization.contour.text.normalized": (
        "With normalized inputs the contours are nearly circles: the gradient points almost straight at "
        "the minimum, so a large step size works and a few iterations are enough.",
        "输入归一化之后，等高线近乎圆形：梯度几乎直指最低点，因此可以用较大的步长，只需几次迭代。",
    ),
    "normalization.contour.text.raw": (
        "With raw inputs the valley is extremely long and narrow. Left: drawn to scale, one unit of w₁ as "
        "long as one unit of w₂ — the valley is a thin line. Right: the same cost with the w₁ axis "
        "magnified, so you can see where the path goes. A step large enough to travel along the valley "
        "would throw w₁ far across it.",
        "原始输入下，山谷又长又窄。左图按真实比例绘制（w₁ 与 w₂ 的一个单位一样长）——山谷只是一条细线。右图是同一个代价"
        "函数，但把 w₁ 轴放大了，方便看清路径。能沿着山谷走得动的步长，会把 w₁ 远远地甩到山谷另一侧。",
    ),
    "normalization.case.raw": ("raw inputs", "原始输入"),
    "normalization.case.normalized": ("normalized inputs", "归一化输入"),
    "normalization.metric.kappa": ("Condition number κ", "条件数 κ"),
    "normalization.metric.kappa.help": (
        "Largest over smallest curvature of J at the minimum: how many times the valley is steeper "
        "across than along (its contours are √κ times longer than wide).",
        "最低点处 J 的最大曲率与最小曲率之比：横穿山谷的方向比沿着山谷的方向陡多少倍（等高线的长轴是短轴的 √κ 倍）。",
    ),
    "normalization.metric.stable": ("Largest stable α", "最大稳定学习率 α"),
    "normalization.metric.stable.help": (
        "Found by a search: the largest α for which J goes down at each of the first 100 steps.",
        "由搜索得到：能让 J 在前 100 步中每一步都下降的最大 α。",
    ),
    "normalization.metric.iterations": ("Iterations to reach J* + δ", "达到 J* + δ 所需迭代次数"),
    "normalization.metric.final_cost": ("J after the last iteration", "最后一次迭代后的 J"),
    "normalization.metric.not_reached": ("not within {n}", "{n} 次内未达到"),
    "normalization.run.reached": (
        "Your run reached the target J* + δ = {target:.4f} at iteration {n}.",
        "你的这次运行在第 {n} 次迭代达到目标 J* + δ = {target:.4f}。",
    ),
    "normalization.run.not_reached": (
        "Your run did not reach the target J* + δ = {target:.4f} in {n} iterations (J is {final:.4f}).",
        "你的这次运行在 {n} 次迭代内没有达到目标 J* + δ = {target:.4f}（J 为 {final:.4f}）。",
    ),
    "normalization.run.diverged": (
        "With α = {alpha} gradient descent diverges on these inputs: J grew from {J0:.3g} to {J1:.3g}. "
        "The largest stable α here is about {stable}.",
        "在这些输入上，α = {alpha} 会让梯度下降发散：J 从 {J0:.3g} 增大到 {J1:.3g}。这里的最大稳定学习率约为 {stable}。",
    ),
    "normalization.run.oscillating": (
        "With α = {alpha} the cost went up at some iterations: the steps overshoot across the valley. "
        "The largest stable α here is about {stable}.",
        "α = {alpha} 时，代价在某些迭代中上升了：步子在山谷两侧来回冲过头。这里的最大稳定学习率约为 {stable}。",
    ),
    "normalization.separable": (
        "These training examples happen to be separable by a line through the origin, so J has no lowest "
        "point (it keeps falling as w grows). Pick another seed or more examples.",
        "这组训练样本恰好能被一条过原点的直线完全分开，因此 J 没有最低点（w 越大 J 越小）。请换一个随机种子或增加样本数。",
    ),
    "normalization.compare.header": ("With and without normalization", "归一化与不归一化的对比"),
    "normalization.compare.text": (
        "Both cases on the same training set, each with the learning rate that suits it best. Every "
        "learning rate of the sweep below ran for the number of iterations you chose.",
        "两种情况使用同一个训练集，并各自使用最适合自己的学习率。下面扫描中的每个学习率都运行了你所选的迭代次数。",
    ),
    "normalization.table.kappa": ("Condition number κ of the Hessian at w*", "w* 处海森矩阵的条件数 κ"),
    "normalization.table.guaranteed": ("α that is guaranteed to descend, 2/L", "保证下降的学习率 2/L"),
    "normalization.table.stable": ("Largest stable α (search)", "最大稳定学习率（搜索所得）"),
    "normalization.table.best_alpha": ("Fastest α of the sweep", "扫描中最快的学习率"),
    "normalization.table.iterations": (
        "Iterations to reach J* + δ at that α",
        "该学习率下达到 J* + δ 的迭代次数",
    ),
    "normalization.table.final": ("J after {n} iterations at that α", "该学习率下 {n} 次迭代后的 J"),
    "normalization.table.none": ("none reaches it", "都达不到"),
    "normalization.curve.run": ("your run: {case}, α = {alpha}", "你的运行：{case}，α = {alpha}"),
    "normalization.curve.best": ("{case}, α = {alpha}", "{case}，学习率 α = {alpha}"),
    "normalization.pitfall.header": (
        "The pitfall: dev data must use the training μ and σ²",
        "陷阱：验证数据必须使用训练集的 μ 和 σ²",
    ),
    "normalization.pitfall.text": (
        "Once the network has learned on normalized inputs, every new example has to pass through the very "
        "same transform, with the μ and σ² measured on the training set. A batch normalized with its own "
        "statistics is shifted and stretched differently: here the batch holds mostly one class, so its own "
        "mean lies off-centre, and re-centring it pushes many points across the decision boundary.",
        "网络一旦在归一化后的输入上学习完毕，每个新样本都必须经过完全相同的变换，也就是使用在训练集上测得的 μ 和 σ²。"
        "如果一个批次用它自己的统计量来归一化，它被平移和缩放的方式就不一样了：这里的批次大部分属于同一类，它自身的均值"
        "偏离中心，重新居中后，许多点就被推到了决策边界的另一侧。",
    ),
    "normalization.pitfall.right": (
        "dev batch normalized with the training μ, σ²",
        "用训练集的 μ、σ² 归一化的验证批次",
    ),
    "normalization.pitfall.wrong": (
        "dev batch normalized with its own μ, σ²",
        "用自身的 μ、σ² 归一化的验证批次",
    ),
    "normalization.metric.dev_error": ("Dev error", "验证集误差"),
    "normalization.metric.dev_error_other": ("Dev error the other way", "另一种做法的验证集误差"),
    "normalization.metric.dev_mean": (
        "Dev batch mean of x₁ (training: {train:.0f})",
        "验证批次 x₁ 的均值（训练集：{train:.0f}）",
    ),
    "normalization.formula.header": ("The formulas", "公式"),
    "normalization.formula.text": (
        "μ and σ² are measured once, on the training set, and then applied to train, dev and test alike. "
        "Gradient descent on the logistic cost:",
        "μ 和 σ² 只在训练集上计算一次，然后同样用于训练集、验证集和测试集。逻辑回归代价函数上的梯度下降：",
    ),
    "normalization.chart.data_title": (
        "The training set before and after normalization",
        "归一化前后的训练集",
    ),
    "normalization.chart.raw": ("raw inputs", "原始输入"),
    "normalization.chart.normalized": ("normalized inputs", "归一化输入"),
    "normalization.chart.mean": ("mean μ", "均值 μ"),
    "normalization.chart.spread": ("μ ± σ", "μ ± σ"),
    "normalization.chart.w1": ("w₁", "w₁"),
    "normalization.chart.w2": ("w₂", "w₂"),
    "normalization.chart.contour_title": (
        "Cost J(w₁, w₂) and the gradient-descent path",
        "代价 J(w₁, w₂) 与梯度下降路径",
    ),
    "normalization.chart.contour_scale": ("{case}: drawn to scale", "{case}：按真实比例"),
    "normalization.chart.contour_zoom": (
        "{case}: w₁ axis magnified ×{factor}",
        "{case}：w₁ 轴放大 {factor} 倍",
    ),
    "normalization.chart.gap": ("J − J*", "J − J*"),
    "normalization.chart.path": ("gradient descent", "梯度下降"),
    "normalization.chart.start": ("start w = 0", "起点 w = 0"),
    "normalization.chart.minimum": ("minimum w*", "最低点 w*"),
    "normalization.chart.off_picture": (
        "the path leaves the picture: gradient descent is diverging",
        "路径跑出了图外：梯度下降正在发散",
    ),
    "normalization.chart.magnified": ("w₁ axis magnified ×{factor}", "w₁ 轴放大 {factor} 倍"),
    "normalization.chart.curves_title": ("Cost J per iteration", "每次迭代的代价 J"),
    "normalization.chart.iteration": ("iteration", "迭代次数"),
    "normalization.chart.cost": ("cost J", "代价 J"),
    "normalization.chart.target": ("target J* + δ", "目标 J* + δ"),
    "normalization.chart.sweep_title": (
        "J after {n} iterations, for every learning rate",
        "各学习率下 {n} 次迭代后的 J",
    ),
    "normalization.chart.alpha": ("learning rate α", "学习率 α"),
    "normalization.chart.stable": ("largest stable α ({case})", "最大稳定 α（{case}）"),
    "normalization.chart.current": ("your α", "你的 α"),
    "normalization.chart.pitfall_title": ("Dev batch in the normalized space", "归一化空间中的验证批次"),
    "normalization.chart.train": ("train", "训练集"),
    "normalization.chart.dev": ("dev", "验证集"),
    "normalization.chart.misclassified": ("misclassified", "分类错误"),
    "normalization.chart.boundary": ("decision boundary", "决策边界"),
}
