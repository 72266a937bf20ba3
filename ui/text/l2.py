"""Strings of the §1.4 L2 regularization page: {key: (English, 中文)}."""

STRINGS = {
    "l2.intro": (
        "A network that fits its training set almost perfectly but does much worse on the dev set has high "
        "variance. Collecting more data is the surest cure, but often too expensive; regularization is the "
        "first thing to try. L2 regularization adds one term to the cost: λ/(2m) times the sum, over all "
        "layers, of the squared Frobenius norm ‖W[l]‖²_F — the sum of the squares of every entry of the "
        "matrix. Large weights now cost something, so gradient descent trades a slightly worse fit of the "
        "training set for smaller weights. The biases are left out: they are few, and penalizing them "
        "changes almost nothing. λ is one more hyperparameter, chosen on the dev set; in code it is spelled "
        "`lambd`, because `lambda` is a reserved word in Python.",
        "如果网络几乎完美地拟合了训练集，在验证集上却差得多，说明它的方差很高。收集更多数据是最可靠的办法，但往往代价太高；"
        "正则化通常是首先要尝试的手段。L2 正则化只在代价函数上多加一项：λ/(2m) 乘以所有层的 ‖W[l]‖²_F 之和。"
        "这里的 Frobenius 范数的平方，就是矩阵中每个元素的平方之和。这样一来，大的权重要付出代价，梯度下降会以稍差一点的"
        "训练集拟合，换取更小的权重。偏置 b 不参与惩罚：它们数量很少，惩罚与否几乎没有区别。λ 是又一个需要在验证集上"
        "挑选的超参数；代码里写作 `lambd`，因为 `lambda` 是 Python 的保留字。",
    ),
    "l2.preset": (
        "The defaults are an overfitting preset: only 60 noisy training points (some labels flipped, the "
        "points jittered) for a network with two hidden layers of 30 relu units that starts from large "
        "weights. At λ = 0 it bends its boundary around single points and the dev error stays far above "
        "the train error. Raise λ and watch the gap close — until, at very large λ, the network becomes "
        "too simple and both errors climb.",
        "默认设置是一个会过拟合的预设：只有 60 个带噪声的训练点（部分标签被翻转，位置也加了扰动），网络却有两个各含 "
        "30 个 relu 单元的隐藏层，并且从较大的初始权重出发。λ = 0 时，它会把边界绕到单个点的周围，验证误差远高于"
        "训练误差。逐渐增大 λ，两者的差距会缩小；但 λ 过大时，网络变得过于简单，两种误差又会一起上升。",
    ),
    "l2.ctl.noise": ("Label noise (share of flipped labels)", "标签噪声（被翻转标签的比例）"),
    "l2.ctl.noise.help": (
        "Each training and dev label is flipped with this probability; it is also the best error any "
        "classifier can reach.",
        "每个训练和验证样本的标签都以这个概率被翻转；它也是任何分类器所能达到的最低误差。",
    ),
    "l2.ctl.m_train": ("Training examples m", "训练样本数 m"),
    "l2.ctl.m_train.help": (
        "Fewer examples make overfitting easier. The dev set always has 180 examples.",
        "样本越少越容易过拟合。验证集始终为 180 个样本。",
    ),
    "l2.ctl.width": ("Hidden units per layer (2 hidden layers)", "每个隐藏层的单元数（共 2 个隐藏层）"),
    "l2.ctl.width.help": (
        "More units give the network more freedom to bend its boundary around single points.",
        "单元越多，网络越能把边界绕到单个点的周围。",
    ),
    "l2.ctl.n_iter": ("Gradient-descent iterations", "梯度下降的迭代次数"),
    "l2.ctl.learning_rate": ("Learning rate α", "学习率 α"),
    "l2.ctl.learning_rate.help": (
        "Step size of gradient descent; it also sets the weight decay factor 1 − αλ/m.",
        "梯度下降的步长；它也决定了权重衰减系数 1 − αλ/m。",
    ),
    "l2.ctl.lambd": ("Regularization strength λ", "正则化强度 λ"),
    "l2.ctl.lambd.help": (
        "0 switches regularization off; the grid runs from 0.0001 to 10 in 1-2-5 steps.",
        "0 表示不做正则化；其余取值按 1-2-5 的步长从 0.0001 到 10。",
    ),
    "l2.ctl.penalty": ("Penalty", "惩罚项"),
    "l2.ctl.penalty.help": (
        "L2 adds λ/(2m)·Σ‖W‖²_F; L1 adds λ/m·Σ|w|. The histogram below always trains both.",
        "L2 加上 λ/(2m)·Σ‖W‖²_F；L1 加上 λ/m·Σ|w|。下方的直方图总会把两种都训练一遍。",
    ),
    "l2.metric.gap": ("Dev − train gap", "验证与训练误差之差"),
    "l2.metric.norm": ("Size of all weights √Σ‖W[l]‖²_F", "全部权重的大小 √Σ‖W[l]‖²_F"),
    "l2.tab.decay": ("Weight decay", "权重衰减"),
    "l2.tab.cost": ("Training curves", "训练曲线"),
    "l2.tab.l1": ("L1 vs L2", "L1 与 L2"),
    "l2.tab.curve": ("Choosing λ", "选择 λ"),
    "l2.sec.fit": ("The fitted network", "训练得到的网络"),
    "l2.boundary.caption": (
        "Shading: the predicted probability of class 1; the black line is the decision boundary; crosses "
        "mark misclassified points (train ● and dev ◆).",
        "底色表示预测为类别 1 的概率；黑线是决策边界；叉号标出分错的点（训练集 ●，验证集 ◆）。",
    ),
    "l2.sec.cost": (
        "Training curves: errors, and the cost with and without the penalty",
        "训练曲线：误差，以及含与不含惩罚项的代价",
    ),
    "l2.cost.caption": (
        "Gradient descent minimizes the full J, penalty included, so with a suitable learning rate that is "
        "the curve that falls at every step. The cross-entropy on its own need not: the penalty may pull "
        "the weights away from the best fit. When you debug gradient descent, plot the full J.",
        "梯度下降最小化的是包含惩罚项的完整 J，所以只要学习率合适，这条曲线每一步都会下降。单独的交叉熵却不一定："
        "惩罚项可能把权重从最佳拟合处拉开。调试梯度下降时，应该画出完整的 J。",
    ),
    "l2.cost.monotone": (
        "J fell at every recorded step ({n} steps).",
        "在记录到的 {n} 个步骤中，J 每一步都在下降。",
    ),
    "l2.cost.rises": (
        "J rose {n} times between recorded steps (by at most {rise:.2g}): at this learning rate gradient "
        "descent now and then overshoots along the steepest directions. With a smaller α every step goes "
        "down, at the price of slower training.",
        "在记录到的步骤之间，J 上升了 {n} 次（最多上升 {rise:.2g}）：在这个学习率下，梯度下降偶尔会在最陡的方向上"
        "走过头。换用更小的 α，每一步都会下降，只是训练会更慢。",
    ),
    "l2.cost.ce_rises": (
        "The cross-entropy alone rose {n} times while J kept falling — the reason to watch J, not the "
        "cross-entropy.",
        "单独的交叉熵上升了 {n} 次，而 J 一直在下降——这正是要盯着 J 而不是交叉熵的原因。",
    ),
    "l2.sec.norms": ("Weight norms and weight decay", "权重范数与权重衰减"),
    "l2.norms.caption": (
        "The Frobenius norm of each layer's weights during training. The larger λ, the smaller every "
        "curve stays.",
        "训练过程中每一层权重的 Frobenius 范数。λ 越大，每条曲线都保持得越低。",
    ),
    "l2.decay.text": (
        "With L2 the gradient gets an extra λ/m·W[l], so each update first scales the weights by the "
        "factor below and then takes the usual step on the cross-entropy — hence the name *weight decay*:",
        "使用 L2 时，梯度多了一项 λ/m·W[l]，于是每次更新都先把权重乘以下面这个系数，再沿交叉熵的梯度走一步，"
        "这就是“权重衰减”这个名字的由来：",
    ),
    "l2.decay.text_l1": (
        "With L1 the penalty's gradient is λ/m·sign(W): every update moves each weight by the same "
        "amount αλ/m towards zero instead of scaling it, which is why L1 can pin weights at zero:",
        "使用 L1 时，惩罚项的梯度是 λ/m·sign(W)：每次更新把每个权重朝 0 移动同样的距离 αλ/m，而不是按比例缩小，"
        "这就是 L1 能把权重压到 0 的原因：",
    ),
    "l2.decay.zero": (
        "With λ = 0 there is no decay: the factor is exactly 1.",
        "λ = 0 时没有衰减：系数恰好为 1。",
    ),
    "l2.decay.overshoot": (
        "αλ/m ≥ 1: the decay alone overshoots zero at every step, and gradient descent becomes unstable. "
        "Lower α or λ.",
        "αλ/m ≥ 1：单是衰减这一步每次就会越过 0，梯度下降因此变得不稳定。请减小 α 或 λ。",
    ),
    "l2.metric.decay": ("Decay factor per step 1 − αλ/m", "每步的衰减系数 1 − αλ/m"),
    "l2.metric.decay_total": ("Left after {n} steps of decay alone", "仅靠衰减，{n} 步之后剩下"),
    "l2.metric.l1_step": ("Step towards zero per update αλ/m", "每次更新朝 0 移动的距离 αλ/m"),
    "l2.sec.l1": ("L1 against L2: the weights", "L1 与 L2 的对比：权重分布"),
    "l2.l1.caption": (
        "Both networks trained at the current λ, one with each penalty. L1 drives many weights to zero: "
        "with gradient descent they cannot land on 0 exactly, so they hop back and forth within ±αλ/m of "
        "it (the grey band). L2 makes weights small but seldom zero. A sparse network saves little memory "
        "in practice, which is why L2 is the usual choice.",
        "两个网络都用当前的 λ 训练，分别使用两种惩罚项。L1 会把许多权重压到 0：梯度下降无法让它们恰好落在 0 上，"
        "所以它们在 0 附近 ±αλ/m 的范围内来回跳动（灰色区域）。L2 让权重变小，却很少变成 0。稀疏的网络实际上省不了"
        "多少内存，所以人们通常选择 L2。",
    ),
    "l2.l1.waiting": (
        "Training the same network with the other penalty; its weights appear here when it is done.",
        "正在用另一种惩罚项训练同样的网络，完成后它的权重分布会显示在这里。",
    ),
    "l2.l1.same": (
        "At λ = 0 both are the same unregularized network; choose λ > 0 to see the difference.",
        "λ = 0 时两者都是未正则化的同一个网络；把 λ 调到大于 0 才能看出区别。",
    ),
    "l2.metric.zero_l2": ("L2: weights within ±αλ/m of 0", "L2：落在 0 附近 ±αλ/m 内的权重"),
    "l2.metric.zero_l1": ("L1: weights within ±αλ/m of 0", "L1：落在 0 附近 ±αλ/m 内的权重"),
    "l2.sec.curve": ("Validation curve: choosing λ on the dev set", "验证曲线：在验证集上选择 λ"),
    "l2.curve.waiting": (
        "Training the {k} networks of the validation curve in the background; the curve appears here "
        "in a moment.",
        "正在后台训练验证曲线的 {k} 个网络，曲线稍后会出现在这里。",
    ),
    "l2.curve.caption": (
        "Train and dev error for all {k} values of the λ slider. The {k} networks were trained together in "
        "one batched NumPy run: their weights are stacked into arrays of shape (K, n[l], n[l−1]), so one "
        "gradient-descent step of all of them is a single set of array operations.",
        "λ 滑块上全部 {k} 个取值的训练误差与验证误差。这 {k} 个网络是在一次批量化的 NumPy 运算中一起训练的："
        "它们的权重被堆叠成形状为 (K, n[l], n[l−1]) 的数组，所以所有网络的一步梯度下降只是一组数组运算。",
    ),
    "l2.curve.best": (
        "Lowest dev error on this grid: λ = {best} (dev {dev:.1%}, train {train:.1%}).",
        "在这组取值中验证误差最低的是 λ = {best}（验证误差 {dev:.1%}，训练误差 {train:.1%}）。",
    ),
    "l2.curve.is_best": (
        "The current λ already has the lowest dev error on this grid.",
        "当前的 λ 已经是这组取值中验证误差最低的。",
    ),
    "l2.curve.use": ("Use λ = {best}", "改用 λ = {best}"),
    "l2.curve.capped": (
        "To keep the page responsive, each network of the validation curve was trained for {used} "
        "iterations (the network above: {asked}).",
        "为保证页面流畅，验证曲线中的每个网络只训练了 {used} 次迭代（上面的网络为 {asked} 次）。",
    ),
    "l2.curve.time_budget": (
        "The validation curve stopped after {seconds:.0f} s, at iteration {iteration}.",
        "验证曲线的训练在 {seconds:.0f} 秒后停止，停在第 {iteration} 次迭代。",
    ),
    "l2.curve.diverged": (
        "{n} of the networks diverged (the cost became huge or not a number); their points show the "
        "errors where they stopped.",
        "其中 {n} 个网络发散了（代价变得极大或不是数值）；它们的点显示的是停止时的误差。",
    ),
    "l2.sec.formula": ("The formulas", "公式"),
    "l2.chart.cost_terms_title": ("Cost J with and without the penalty", "含与不含惩罚项的代价 J"),
    "l2.chart.cost_full": ("J = cross-entropy + penalty", "J = 交叉熵 + 惩罚项"),
    "l2.chart.cost_ce": ("cross-entropy alone", "仅交叉熵"),
    "l2.chart.cost_penalty": ("penalty λ/(2m)·Σ‖W[l]‖²_F", "惩罚项 λ/(2m)·Σ‖W[l]‖²_F"),
    "l2.chart.cost_penalty_l1": ("penalty λ/m·Σ|w|", "惩罚项 λ/m·Σ|w|"),
    "l2.chart.cost_rise": ("J went up", "J 上升处"),
    "l2.chart.cost_axis": ("cost", "代价"),
    "l2.chart.weights_title": (
        "Every weight of W[1], W[2], W[3] at the current λ",
        "当前 λ 下 W[1]、W[2]、W[3] 的全部权重",
    ),
    "l2.chart.weights_axis": ("weight w", "权重 w"),
    "l2.chart.near_zero_band": ("|w| ≤ αλ/m", "|w| ≤ αλ/m"),
    "l2.chart.series_l2": ("L2", "L2"),
    "l2.chart.series_l1": ("L1", "L1"),
    "l2.chart.lambda_axis": ("λ", "λ"),
    "l2.chart.errors_title": ("Train and dev error during training", "训练过程中的训练误差与验证误差"),
}
