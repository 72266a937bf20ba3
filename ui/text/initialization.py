"""Strings of the §1.11 weight-initialization page: {key: (English, 中文)}."""

STRINGS = {
    "initialization.intro": (
        "A unit adds up n[l−1] inputs, z = w₁a₁ + … + wₙaₙ. With independent weights of variance Var(w), "
        "the variance of z is about n[l−1]·Var(w) times that of the inputs — so the more inputs a unit has, "
        "the smaller each weight should be. Choosing Var(w) = 1/n[l−1] keeps z on the same scale as its "
        "inputs (Xavier, suited to tanh); relu sets half of its inputs to zero, which the factor 2 in "
        "2/n[l−1] makes up for (He). Neither formula cures vanishing and exploding gradients for good, but "
        "both start a deep network where signals neither die out nor blow up. The multiplier below scales "
        "the standard deviation and is itself a hyperparameter, if rarely the first one worth tuning.",
        "一个单元要把 n[l−1] 个输入相加，z = w₁a₁ + … + wₙaₙ。若各个权重相互独立、方差为 Var(w)，z 的方差大约是输入方差"
        "的 n[l−1]·Var(w) 倍——所以一个单元的输入越多，每个权重就应该越小。取 Var(w) = 1/n[l−1]，z 就和它的输入保持"
        "同一量级（Xavier，适合 tanh）；relu 会把一半的输入置零，公式 2/n[l−1] 中的因子 2 正好把这部分补回来（He）。"
        "这两个公式都不能彻底解决梯度消失与爆炸，但都能让深层网络从一个信号既不消亡也不爆炸的状态开始训练。下面的倍数"
        "用来缩放标准差，它本身也是一个超参数，只不过通常不是最值得优先调的那个。",
    ),
    "initialization.ctl.init_scheme": ("Initialization", "初始化方法"),
    "initialization.ctl.init_scheme.help": (
        "How W[l] is drawn: zeros, N(0, 1), or N(0, Var) with Xavier's, He's or Glorot's variance.",
        "W[l] 的取法：全零、N(0, 1)，或者使用 Xavier、He、Glorot 方差的 N(0, Var)。",
    ),
    "initialization.ctl.init_scale": ("Scale multiplier", "尺度倍数"),
    "initialization.ctl.init_scale.help": (
        "Multiplies every initial weight (so the variance by its square), on a log scale from 0.01 to 100.",
        "乘到每个初始权重上（方差因此乘以它的平方），对数刻度，从 0.01 到 100。",
    ),
    "initialization.ctl.init_act": ("Hidden activation", "隐藏层激活函数"),
    "initialization.ctl.init_depth": ("Hidden layers", "隐藏层层数"),
    "initialization.ctl.init_width": ("Units per hidden layer", "每个隐藏层的单元数"),
    "initialization.ctl.init_alpha": ("Learning rate α", "学习率 α"),
    "initialization.pairing": (
        "The usual pairing is {act} with {good}; {scheme} is meant for {other}. Try both and compare.",
        "通常的搭配是 {act} 配 {good}；{scheme} 本来是为 {other} 设计的。可以两种都试一试，比较一下。",
    ),
    "initialization.random_note": (
        "N(0, 1) ignores the number of inputs: with {n} units per layer every layer multiplies the variance "
        "of z by about {factor:.3g}.",
        "N(0, 1) 没有考虑输入个数：每层 {n} 个单元时，每一层都会让 z 的方差大约乘以 {factor:.3g}。",
    ),
    "initialization.zeros": (
        "Symmetry is not broken: every hidden layer has {count} distinct unit(s) after training, however wide "
        "it is. With all weights equal, every unit of a layer computes the same output and receives the same "
        "gradient, so the units stay copies of one another. With zeros they even output 0, and the network "
        "can only learn a constant.",
        "对称性没有被打破：训练之后，无论隐藏层有多宽，每层都只有 {count} 个不同的单元。所有权重都相等时，同一层的"
        "每个单元计算出相同的输出，也得到相同的梯度，所以它们始终是彼此的复制品。权重全为零时，它们的输出甚至都是 0，"
        "网络只能学到一个常数。",
    ),
    "initialization.distinct": (
        "Distinct units per hidden layer after training: {counts} (of {width}).",
        "训练后各隐藏层中不同单元的个数：{counts}（每层共 {width} 个）。",
    ),
    "initialization.dist.header": ("Activations at initialization", "初始化时的激活值"),
    "initialization.dist.text": (
        "Each violin shows the values of a[l] over all units and training examples, on one shared axis. With a "
        "good scale the violins look alike from the first layer to the last; too small a scale squeezes them "
        "to a line at 0, too large a one spreads them (relu) or pins them at ±1 (tanh).",
        "每个小提琴图显示 a[l] 在所有单元、所有训练样本上的取值，共用同一个纵轴。尺度合适时，从第一层到最后一层的形状"
        "都差不多；尺度太小，它们会被压成 0 处的一条线；尺度太大，它们会散开（relu）或者贴在 ±1 上（tanh）。",
    ),
    "initialization.stats.header": ("Statistics per layer at initialization", "初始化时各层的统计量"),
    "initialization.stats.layer": ("layer", "层"),
    "initialization.stats.mean": ("mean", "均值"),
    "initialization.stats.std": ("standard deviation", "标准差"),
    "initialization.stats.zero": ("share exactly 0", "恰好为 0 的比例"),
    "initialization.stats.saturated": ("share saturated (|a| > 0.99)", "饱和的比例（|a| > 0.99）"),
    "initialization.tab.spread": ("Spread by layer", "各层离散度"),
    "initialization.tab.grads": ("Gradients", "梯度"),
    "initialization.tab.training": ("Training", "训练过程"),
    "initialization.tab.units": ("Hidden units", "隐藏单元"),
    "initialization.grads.header": (
        "Gradient size per layer, at initialization and after training",
        "各层梯度的大小：初始化时与训练后",
    ),
    "initialization.units.text": (
        "Each row is one unit of the first hidden layer after training, each column a training example. "
        "Identical rows mean the units are copies of one another: the symmetry was never broken.",
        "每一行是训练后第一个隐藏层的一个单元，每一列是一个训练样本。各行完全相同，说明这些单元彼此是复制品："
        "对称性始终没有被打破。",
    ),
    "initialization.table.header": ("The variance formulas", "方差公式"),
    "initialization.table.scheme": ("scheme", "方法"),
    "initialization.table.variance": ("Var(W[l]) before the multiplier", "乘以倍数之前的 Var(W[l])"),
    "initialization.table.code": ("NumPy", "NumPy 写法"),
    "initialization.table.pair": ("usually used with", "通常搭配"),
    "initialization.table.zeros": ("zeros", "全零"),
    "initialization.table.random": ("random N(0, 1)", "随机 N(0, 1)"),
    "initialization.table.pair.zeros": ("never: the units stay identical", "不使用：各单元会一直相同"),
    "initialization.table.pair.random": (
        "nothing deep: too large once a layer has many inputs",
        "不适合深层网络：输入一多就太大",
    ),
    "initialization.table.pair.xavier": ("tanh", "tanh"),
    "initialization.table.pair.he": ("relu", "relu"),
    "initialization.table.pair.glorot": ("tanh and sigmoid", "tanh 与 sigmoid"),
    "initialization.table.note": (
        "The multiplier s scales the standard deviation, so the variance becomes s² times the formula. "
        "Your choice is in bold.",
        "倍数 s 缩放的是标准差，因此方差变为公式值的 s² 倍。你当前的选择以粗体显示。",
    ),
    "initialization.chart.violin_title": (
        "Activations a[l] of every hidden layer at initialization",
        "初始化时各隐藏层的激活值 a[l]",
    ),
    "initialization.chart.layer_name": ("a[{l}]", "a[{l}]"),
    "initialization.chart.activation": ("activation value", "激活值"),
    "initialization.chart.non_finite": (
        "{n} values were inf or NaN (overflow) and are left out",
        "有 {n} 个值为 inf 或 NaN（上溢），已略去",
    ),
    "initialization.chart.units_title": (
        "Hidden layer 1 after training: one row per unit",
        "训练后的第 1 个隐藏层：每行一个单元",
    ),
    "initialization.chart.example": ("training example", "训练样本"),
    "initialization.chart.unit": ("unit", "单元"),
    "initialization.chart.value": ("a[1]", "a[1]"),
    "initialization.chart.std_title": (
        "Spread of a[l] per layer at initialization",
        "初始化时各层 a[l] 的离散程度",
    ),
    "initialization.chart.std_axis": ("standard deviation of a[l]", "a[l] 的标准差"),
    "initialization.chart.std_series": ("std of a[l]", "a[l] 的标准差"),
    "initialization.chart.zero_spread": ("0: all values equal", "0：所有值都相同"),
}
