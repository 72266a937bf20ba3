"""Page titles and one-line summaries (navigation, home map, page headers)."""

STRINGS = {
    "data_splits.title": ("Train / dev / test sets", "训练集、验证集与测试集"),
    "data_splits.summary": (
        "How to split data of any size, how precise a dev or test estimate is, and what happens when dev "
        "and test come from another distribution.",
        "如何切分不同规模的数据、验证集或测试集的估计有多精确，以及验证集与测试集来自另一种分布时会发生什么。",
    ),
    "bias_variance.title": ("Bias and variance", "偏差与方差"),
    "bias_variance.summary": (
        "Read train and dev error against the optimal error and name the problem: high bias, high "
        "variance, both, or neither.",
        "对照最优误差解读训练误差与验证误差，判断问题所在：高偏差、高方差、两者兼有，还是都没有。",
    ),
    "recipe.title": ("The basic recipe", "机器学习基础流程"),
    "recipe.summary": (
        "Fix bias first, then variance: follow the recipe step by step and watch the diagnosis move.",
        "先解决偏差，再解决方差：一步步执行这个流程，看诊断结果如何变化。",
    ),
    "l2.title": ("L2 regularization", "L2 正则化"),
    "l2.summary": (
        "Penalize large weights with λ: a smoother boundary, a smaller gap between train and dev error.",
        "用 λ 惩罚过大的权重：决策边界更平滑，训练误差与验证误差之间的差距更小。",
    ),
    "why_reg.title": ("Why regularization helps", "正则化为什么有效"),
    "why_reg.summary": (
        "Small weights keep tanh units in their nearly linear range, so the network can only draw "
        "simpler boundaries.",
        "权重变小后，tanh 单元停留在近似线性的区间，网络只能画出更简单的边界。",
    ),
    "dropout.title": ("Dropout", "Dropout 正则化"),
    "dropout.summary": (
        "Randomly silence units while training, scale the survivors up, and switch it all off at test "
        "time.",
        "训练时随机关闭部分单元并放大保留下来的单元，测试时则完全不用 dropout。",
    ),
    "augmentation.title": ("Data augmentation", "数据扩增"),
    "augmentation.summary": (
        "More training data for free — as long as each transform keeps the label right.",
        "几乎零成本地获得更多训练数据——前提是每种变换都不改变标签。",
    ),
    "early_stopping.title": ("Early stopping", "提前停止"),
    "early_stopping.summary": (
        "Stop where the dev error is lowest, before the weights grow large; compare it with L2.",
        "在验证误差最低处停止训练，赶在权重变大之前；并与 L2 正则化比较。",
    ),
    "normalization.title": ("Normalizing inputs", "归一化输入"),
    "normalization.summary": (
        "Zero mean and unit variance turn a long, narrow cost valley into a round bowl that gradient "
        "descent crosses quickly.",
        "零均值、单位方差把狭长的代价函数山谷变成圆形的碗，梯度下降可以很快到达谷底。",
    ),
    "vanishing.title": ("Vanishing and exploding gradients", "梯度消失与梯度爆炸"),
    "vanishing.summary": (
        "In a deep network, signals and gradients shrink or grow layer after layer — exponentially in "
        "depth.",
        "在深层网络中，信号和梯度会一层层地缩小或放大——随深度呈指数变化。",
    ),
    "initialization.title": ("Weight initialization", "权重初始化"),
    "initialization.summary": (
        "Choose the scale of the initial weights so that activations and gradients keep their size "
        "through every layer.",
        "选择合适的初始权重尺度，让激活值和梯度在每一层都保持合适的大小。",
    ),
    "numerical_grad.title": ("Numerical gradients", "梯度的数值逼近"),
    "numerical_grad.summary": (
        "The two-sided difference is far more accurate than the one-sided one — until round-off "
        "takes over.",
        "双边差分比单边差分精确得多——直到舍入误差开始占主导。",
    ),
    "gradcheck.title": ("Gradient checking", "梯度检验"),
    "gradcheck.summary": (
        "Compare backpropagation with numerical gradients, find which dW or db holds a bug, and avoid "
        "the usual pitfalls.",
        "把反向传播的结果与数值梯度比较，找出哪个 dW 或 db 有错误，并避开常见的陷阱。",
    ),
}
