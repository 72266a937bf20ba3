"""Strings of the §1.2 bias and variance page (and the experiment controls §1.3 shares): {key: (English, 中文)}."""

STRINGS = {
    # ---- explanation
    "bias_variance.intro": (
        "Two numbers tell you most of what you need: the error on the training set and the error on the dev "
        "set. Compare the training error with the best error possible — the *optimal* or *Bayes* error, "
        "roughly what a careful human achieves — and you get the **avoidable bias**: how far the network is "
        "from fitting the data it was trained on. Compare the dev error with the training error and you get "
        "the **variance**: how much worse it does on examples it has never seen, i.e. how much it overfits. "
        "Every number here comes from a real training run on a 2-D data set whose labels are flipped at random "
        "with a probability you choose, so the optimal error is known exactly: it is that probability.",
        "两个数字就能告诉你大部分需要的信息：训练集上的误差和验证集上的误差。把训练误差与可能达到的最低误差——"
        "*最优误差*，也叫*贝叶斯误差*，大致相当于细心的人能达到的水平——相比，得到**可避免偏差**：网络离拟合好"
        "自己的训练数据还差多远。把验证误差与训练误差相比，得到**方差**：网络在从没见过的样本上差了多少，也就是"
        "过拟合的程度。这里的每个数字都来自一次真实的训练：二维数据集的标签按你设定的概率随机翻转，因此最优误差"
        "是确切已知的——就是这个翻转概率。",
    ),
    "bias_variance.presets": (
        "Start from one of the lecture's cases with **Lecture case**, then move any slider to see what changes.",
        "先用**课程中的案例**选一个课上讲过的情形，再拖动任意滑块，看看会发生什么变化。",
    ),
    "bias_variance.preset.variance_1_11": (
        "**High variance** (lecture: 1% train, 11% dev). A network with two layers of 16 units learns only "
        "70 spiral examples: it fits every one of them, yet misclassifies many new points.",
        "**高方差**（课上的例子：训练 1%，验证 11%）。一个有两层、每层 16 个单元的网络只学习 70 个螺旋样本："
        "它把每个训练样本都分对了，却分错了许多新的点。",
    ),
    "bias_variance.preset.bias_15_16": (
        "**High bias** (lecture: 15% / 16%). Two hidden units cannot carve out the four XOR quadrants, even "
        "from 5,000 examples: train and dev error are both high and close together.",
        "**高偏差**（课上的例子：15% / 16%）。只有两个隐藏单元的网络，即使有 5000 个样本，也划不出异或数据的四个"
        "象限：训练误差和验证误差都很高，而且彼此接近。",
    ),
    "bias_variance.preset.both_15_30": (
        "**High bias and high variance** (lecture: 15% / 30%). Four hidden units on 50 spiral examples: too "
        "simple to fit the training set, yet bent around its few points, so new points fare even worse.",
        "**高偏差且高方差**（课上的例子：15% / 30%）。四个隐藏单元、50 个螺旋样本：网络太简单，拟合不了训练集，"
        "却又围着那几个训练点弯来弯去，于是在新的点上表现更差。",
    ),
    "bias_variance.preset.fine_05_1": (
        "**Low bias and low variance** (lecture: 0.5% / 1%). Eight hidden units and 1,000 examples of the "
        "moons: both errors are close to zero.",
        "**低偏差、低方差**（课上的例子：0.5% / 1%）。八个隐藏单元、1000 个双月形样本：两个误差都接近零。",
    ),
    "bias_variance.preset.fine_bayes_15": (
        "**Optimal error 15%** (lecture: here 15% / 16% is fine). 15% of the labels are flipped at random, so "
        "no classifier can do much better than 15%. The same 15% / 16% that meant high bias before is now "
        "about as good as it gets.",
        "**最优误差为 15%**（课上的例子：此时 15% / 16% 已经很好）。15% 的标签被随机翻转，任何分类器都很难做得"
        "比 15% 更好。前面意味着高偏差的 15% / 16%，在这里已经接近最好的结果。",
    ),
    "bias_variance.preset.manual_settings": (
        "Your own settings: the diagnosis below is computed from this run's errors.",
        "你自己的设置：下面的诊断是根据这次训练的误差算出来的。",
    ),
    # ---- verdict
    "bias_variance.verdict.high_bias": ("High bias (underfitting)", "高偏差（欠拟合）"),
    "bias_variance.verdict.high_variance": ("High variance (overfitting)", "高方差（过拟合）"),
    "bias_variance.verdict.both": ("High bias and high variance", "高偏差且高方差"),
    "bias_variance.verdict.fine": ("Low bias and low variance", "低偏差、低方差"),
    "bias_variance.explain.high_bias": (
        "The network does not even fit its training set: the training error is {bias} points above the "
        "optimal error, while the dev error adds only {variance}. Next (§1.3): a bigger network or longer "
        "training — more data would not help.",
        "网络连训练集都没有拟合好：训练误差比最优误差高 {bias} 个百分点，而验证误差只比训练误差多 {variance}。"
        "下一步（§1.3）：更大的网络或更长的训练——更多数据帮不上忙。",
    ),
    "bias_variance.explain.high_variance": (
        "The training set is fitted (only {bias} points above optimal), but the dev error is {variance} points "
        "higher: the network has learned these particular examples rather than the pattern behind them. Next "
        "(§1.3): more data or regularization.",
        "训练集拟合得不错（只比最优误差高 {bias} 个百分点），但验证误差又高出 {variance} 个百分点：网络记住的是"
        "这些具体的样本，而不是它们背后的规律。下一步（§1.3）：更多数据或正则化。",
    ),
    "bias_variance.explain.both": (
        "Both gaps are large: {bias} points of avoidable bias and {variance} points of variance. Fix the bias "
        "first (§1.3), then the variance.",
        "两个差距都很大：可避免偏差 {bias} 个百分点，方差 {variance} 个百分点。先解决偏差（§1.3），再解决方差。",
    ),
    "bias_variance.explain.fine": (
        "The training error is within {tol} points of the optimal error ({bias}) and the dev error within {tol} "
        "points of the training error ({variance}). Nothing to fix.",
        "训练误差与最优误差相差不超过 {tol} 个百分点（{bias}），验证误差与训练误差相差也不超过 {tol} 个百分点"
        "（{variance}）。没有需要解决的问题。",
    ),
    "bias_variance.tolerance": (
        "How the verdict is read: a gap counts as high when it is above a bar τ of 2 points, or a quarter of "
        "the optimal error when that is larger — measured errors wobble, and they wobble more when the labels "
        "are noisy. With an optimal error of 15%, τ is 3.75 points, which is why 15% / 16% is fine there.",
        "诊断的判定方法：差距超过门槛 τ 才算“高”，τ 取 2 个百分点与最优误差的四分之一中较大的一个——测得的误差本身"
        "会波动，标签噪声越大，波动也越大。最优误差为 15% 时，τ 是 3.75 个百分点，所以那时 15% / 16% 算是正常。",
    ),
    "bias_variance.precision": (
        "The dev set always has 10,000 examples, so the dev error is measured to within ±{hw_dev} points (95%, "
        "§1.1); the training error on {m} examples to within ±{hw_train}. The bars in the chart show these "
        "intervals.",
        "验证集始终有 10000 个样本，所以验证误差的 95% 区间约为 ±{hw_dev} 个百分点（见 §1.1）；{m} 个训练样本上的"
        "训练误差约为 ±{hw_train}。图中的误差线就是这些区间。",
    ),
    "bias_variance.formula.text": (
        "E* is the optimal error, B the avoidable bias, V the variance and τ the bar a gap must clear to count "
        "as high.",
        "其中 E* 是最优误差，B 是可避免偏差，V 是方差，τ 是差距被判为“高”所需超过的门槛。",
    ),
    "bias_variance.boundary": (
        "Training points ● (at most {train:,} drawn), {dev} of the dev points ◆, mistakes ✕. A smooth boundary "
        "that misses the shape of the data means high bias; one that twists around individual training points "
        "means high variance.",
        "训练点 ●（最多画出 {train} 个），{dev} 个验证点 ◆，分错的点 ✕。边界平滑却没抓住数据的形状，说明高偏差；边界"
        "绕着个别训练点拐弯，说明高方差。",
    ),
    "bias_variance.pts": ("{value} pts", "{value} 个百分点"),
    "bias_variance.boundary_title": ("Decision boundary of this run", "本次训练的决策边界"),
    "bias_variance.curves_title": ("Errors during training", "训练过程中的误差"),
    "bias_variance.curves": (
        "The dev curve is measured on 1,000 of the dev examples; the numbers above use all 10,000.",
        "验证曲线是在 1000 个验证样本上测得的；上面的数字用的是全部 10000 个样本。",
    ),
    "bias_variance.diverged": (
        "This run diverged, so its errors describe a broken network, not bias or variance.",
        "这次训练发散了，所以这些误差反映的是一个坏掉的网络，而不是偏差或方差。",
    ),
    "bias_variance.config": (
        "Network {dims} ({params} parameters), tanh, learning rate 1, {iters} iterations.",
        "网络 {dims}（{params} 个参数），tanh 激活，学习率 1，{iters} 次迭代。",
    ),
    # ---- controls (shared with §1.3)
    "bias_variance.ctl.preset": ("Lecture case", "课程中的案例"),
    "bias_variance.ctl.preset.help": (
        "Sets every slider below to reproduce one of the lecture's cases; moving a slider switches to manual.",
        "把下面所有滑块设为课上的某个案例；拖动任何滑块后会切换为手动设置。",
    ),
    "bias_variance.ctl.noise": ("Label noise = optimal error", "标签噪声（即最优误差）"),
    "bias_variance.ctl.noise.help": (
        "Each label is flipped with this probability. The classes are otherwise separated, so this is exactly "
        "the Bayes error.",
        "每个标签以这个概率被翻转。除此之外两个类别是分开的，所以它恰好就是贝叶斯误差。",
    ),
    "bias_variance.ctl.hidden": ("Hidden units per layer", "每个隐藏层的单元数"),
    "bias_variance.ctl.depth": ("Hidden layers", "隐藏层数"),
    "bias_variance.ctl.m": ("Training examples", "训练样本数"),
    "bias_variance.ctl.m.help": (
        "The dev set always has 10,000 fresh examples of the same distribution.",
        "验证集始终是来自同一分布的 10000 个新样本。",
    ),
    "bias_variance.ctl.iters": ("Iterations of gradient descent", "梯度下降迭代次数"),
    "bias_variance.ctl.lambd": ("L2 regularization λ", "L2 正则化系数 λ"),
    "opt.variance_1_11": ("High variance (1% / 11%)", "高方差（1% / 11%）"),
    "opt.bias_15_16": ("High bias (15% / 16%)", "高偏差（15% / 16%）"),
    "opt.both_15_30": ("High bias and variance (15% / 30%)", "高偏差且高方差（15% / 30%）"),
    "opt.fine_05_1": ("Low bias and variance (0.5% / 1%)", "低偏差、低方差（0.5% / 1%）"),
    "opt.fine_bayes_15": ("Optimal error 15% (15% / 16%)", "最优误差 15%（15% / 16%）"),
    "opt.manual_settings": ("Manual settings", "手动设置"),
    # ---- figure labels (ui.figures.bias_variance)
    "bias_variance.fig.errors_title": (
        "Train and dev error against the optimal error",
        "训练误差、验证误差与最优误差",
    ),
    "bias_variance.fig.optimal": ("optimal (Bayes)", "最优（贝叶斯）"),
    "bias_variance.fig.train": ("train", "训练集"),
    "bias_variance.fig.dev": ("dev", "验证集"),
    "bias_variance.fig.error_axis": ("error rate", "错误率"),
    "bias_variance.fig.bias_gap": ("avoidable bias {value:+.1f} pts", "可避免偏差 {value:+.1f} 个百分点"),
    "bias_variance.fig.variance_gap": ("variance {value:+.1f} pts", "方差 {value:+.1f} 个百分点"),
    "bias_variance.fig.high": ("high", "高"),
    "bias_variance.fig.low": ("low", "低"),
    "bias_variance.fig.interval_note": (
        "bars: 95% interval of each measured error",
        "误差线：各测量误差的 95% 区间",
    ),
    "bias_variance.fig.optimal_line": ("optimal error {value:.0%}", "最优误差 {value:.0%}"),
}
