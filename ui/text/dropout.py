"""Strings of the §1.6–1.7 dropout page: {key: (English, 中文)}."""

STRINGS = {
    "dropout.intro": (
        "Dropout fights overfitting by training a different, thinner network at every step: each hidden "
        "unit is kept with probability keep_prob and silenced otherwise, with a fresh coin toss for every "
        "example and every iteration. No unit can count on any single input being there, so the network "
        "spreads its weights out instead of leaning on a few — an effect close to shrinking the weights "
        "with L2. The network below has three tanh hidden layers of 12, 40 and 6 units; the middle one "
        "holds most of the parameters, so each layer gets its own keep_prob.",
        "Dropout 对付过拟合的办法，是在每一步都训练一个不同的、更“瘦”的网络：每个隐藏单元以 keep_prob 的概率被保留，"
        "否则被置零；每个样本、每次迭代都重新抛一次硬币。由于任何一个输入都可能突然消失，单元不敢只依赖少数几个输入，"
        "只好把权重分散开——效果和用 L2 收缩权重很接近。下面的网络有三个 tanh 隐藏层，分别是 12、40 和 6 个单元；"
        "中间那层占了大部分参数，所以每层都有自己的 keep_prob。",
    ),
    "dropout.ctl.kp0": ("keep_prob of the input x (layer 0)", "输入 x（第 0 层）的 keep_prob"),
    "dropout.ctl.kp0.help": (
        "Dropping input features is rare; with only two inputs, losing one hurts a lot. Keep it near 1.",
        "对输入特征做 dropout 并不常见；这里只有两个输入，丢掉一个代价很大。通常让它接近 1。",
    ),
    "dropout.ctl.kp1": ("keep_prob of hidden layer 1 (12 units)", "隐藏层 1（12 个单元）的 keep_prob"),
    "dropout.ctl.kp2": ("keep_prob of hidden layer 2 (40 units)", "隐藏层 2（40 个单元）的 keep_prob"),
    "dropout.ctl.kp3": ("keep_prob of hidden layer 3 (6 units)", "隐藏层 3（6 个单元）的 keep_prob"),
    "dropout.ctl.kp1.help": (
        "Probability of keeping each unit of a[1] during training; 1 switches dropout off for this layer.",
        "训练时 a[1] 中每个单元被保留的概率；设为 1 即这一层不使用 dropout。",
    ),
    "dropout.ctl.kp2.help": (
        "Probability of keeping each unit of a[2] during training; 1 switches dropout off for this layer.",
        "训练时 a[2] 中每个单元被保留的概率；设为 1 即这一层不使用 dropout。",
    ),
    "dropout.ctl.kp3.help": (
        "Probability of keeping each unit of a[3] during training; 1 switches dropout off for this layer.",
        "训练时 a[3] 中每个单元被保留的概率；设为 1 即这一层不使用 dropout。",
    ),
    "dropout.sec.train": ("Training with and without dropout", "使用与不使用 dropout 的训练对比"),
    "dropout.boundary_with": ("Trained with dropout", "使用 dropout 训练"),
    "dropout.boundary_without": ("Trained without dropout", "不使用 dropout 训练"),
    "dropout.boundary.caption": (
        "Both boundaries, and all the errors, come from the network as it is used at test time: every unit "
        "on, no random masks and no division, so a point always gets the same prediction.",
        "两条边界以及所有误差，都来自测试阶段实际使用的网络：所有单元都参与计算，没有随机掩码，也不做除法，"
        "因此同一个点的预测结果总是一样的。",
    ),
    "dropout.cost.caption": (
        "With dropout each step evaluates J on another random sub-network, so J is noisy: it went up in "
        "{up} of {steps} recorded steps. Without dropout it went up in {up0} of {steps0}. To check that "
        "gradient descent works, set every keep_prob to 1 first, make sure J falls smoothly, then turn "
        "dropout back on.",
        "使用 dropout 时，每一步的 J 都是在另一个随机子网络上算出来的，所以曲线带有噪声：在记录的 {steps} 步中有 {up} "
        "步上升。不使用 dropout 时，{steps0} 步中只有 {up0} 步上升。想确认梯度下降是否正常，先把所有 keep_prob 设为 1，"
        "确认 J 平稳下降，再重新打开 dropout。",
    ),
    "dropout.tab.masks": ("Why ÷ keep_prob", "为何除以 keep_prob"),
    "dropout.tab.where": ("Where to drop", "在哪层丢弃"),
    "dropout.tab.curve": ("Best keep_prob", "最佳 keep_prob"),
    "dropout.sec.masks": (
        "Inverted dropout: why divide by keep_prob",
        "反向随机失活：为什么要除以 keep_prob",
    ),
    "dropout.masks.text": (
        "During training the mask d[l] zeroes about (1 − keep_prob) of the units of a[l]. Dividing the "
        "survivors by keep_prob puts the lost amount back, so every unit keeps its expected value and the "
        "next layer's z gets inputs of the usual size. At test time nothing is dropped and nothing is "
        "divided. The bars show the average size |a[l]| of each hidden layer, and |z| of the output, over "
        "{draws} random masks on the trained network.",
        "训练时，掩码 d[l] 会把 a[l] 中大约 (1 − keep_prob) 比例的单元置零。把保留下来的单元除以 keep_prob，"
        "正好补回损失的部分，于是每个单元的期望值不变，下一层的 z 接收到的输入大小与平常一致。测试时既不丢弃单元，"
        "也不做除法。柱状图给出训练好的网络在 {draws} 组随机掩码下，各隐藏层激活值的平均大小 |a[l]| 以及输出层的 |z|。",
    ),
    "dropout.masks.ratio": (
        "Layer {l} keeps {kp:.0%} of its units. Compared with test time, the size of a[{l}] is {inv:.2f}× "
        "with the division and {raw:.2f}× without it; the output's |z| is {out_inv:.2f}× and {out_raw:.2f}×. "
        "Without the division the network would be trained on weaker signals than it meets at test time.",
        "第 {l} 层保留 {kp:.0%} 的单元。与测试时相比，a[{l}] 的大小在做除法时是 {inv:.2f} 倍，不做除法时是 {raw:.2f} 倍；"
        "输出层的 |z| 分别是 {out_inv:.2f} 倍和 {out_raw:.2f} 倍。如果不做除法，网络训练时接收到的信号会比测试时弱。",
    ),
    "dropout.masks.off": (
        "Every hidden keep_prob is 1: no unit is dropped, and the three bars of each layer coincide.",
        "所有隐藏层的 keep_prob 都是 1：没有单元被丢弃，每层的三根柱子完全一样。",
    ),
    "dropout.sec.where": ("Where to drop more", "在哪一层多丢一些"),
    "dropout.where.text": (
        "A layer with many parameters has the most freedom to memorise the training set, so it is the "
        "first place to apply stronger dropout; small layers, and the input, usually keep keep_prob close "
        "to 1.",
        "参数多的层最有能力把训练集“背下来”，所以应该最先在这里加大 dropout；参数少的层以及输入层，keep_prob 通常接近 1。",
    ),
    "dropout.hint.lower": (
        "Layer {l} holds {share:.0%} of the parameters ({count} of {total}). Try giving it the lowest "
        "keep_prob — it is {kp:g} now, while the smallest of the other hidden layers is {other:g}.",
        "第 {l} 层拥有 {share:.0%} 的参数（{total} 个中的 {count} 个）。试着给它最低的 keep_prob——目前它是 {kp:g}，"
        "而其他隐藏层中最小的是 {other:g}。",
    ),
    "dropout.hint.ok": (
        "Layer {l} holds {share:.0%} of the parameters ({count} of {total}) and already has the lowest "
        "keep_prob ({kp:g}): the strongest dropout sits where overfitting is most likely.",
        "第 {l} 层拥有 {share:.0%} 的参数（{total} 个中的 {count} 个），并且它的 keep_prob（{kp:g}）已经是最低的："
        "最强的 dropout 正好用在最容易过拟合的地方。",
    ),
    "dropout.sec.curve": ("Choosing keep_prob on the dev set", "用验证集选择 keep_prob"),
    "dropout.curve.text": (
        "Each point is a full training run with the same keep_prob on every hidden layer (the input keeps "
        "its own setting). All {n} runs are trained together as one batch of stacked networks. Too low a "
        "keep_prob starves the network (high bias); 1 lets it overfit.",
        "每个点都是一次完整的训练，所有隐藏层使用同一个 keep_prob（输入层保持自己的设置）。这 {n} 次训练被堆叠成一批网络，"
        "一起完成训练。keep_prob 太低，网络学不动（高偏差）；等于 1 时又容易过拟合。",
    ),
    "dropout.curve.training": (
        "Training the curve's {n} networks together in the background; it appears here in a moment.",
        "正在后台同时训练这条曲线的 {n} 个网络，曲线稍后会出现在这里。",
    ),
    "dropout.curve.best": (
        "Lowest dev error: keep_prob = {kp:g} (dev error {dev:.1%}, train error {train:.1%}).",
        "验证误差最低处：keep_prob = {kp:g}（验证误差 {dev:.1%}，训练误差 {train:.1%}）。",
    ),
    "dropout.curve.mixed": (
        "Your hidden layers use different keep_probs, so no point on this curve is exactly your setting.",
        "你为各隐藏层设置了不同的 keep_prob，所以这条曲线上没有哪个点与当前设置完全相同。",
    ),
    "dropout.curve.stopped": (
        "Some runs of the curve were cut short to keep the page responsive, or diverged: {n} of {total}.",
        "为保证页面流畅，曲线中有部分训练被提前截断或发生了发散：{total} 次中的 {n} 次。",
    ),
    "dropout.formula": (
        "Inverted dropout on layer l, during training only:",
        "第 l 层的反向随机失活（仅在训练时）：",
    ),
    "dropout.chart.means_title": ("Size of the activations per layer", "各层激活值的大小"),
    "dropout.chart.layer_hidden": ("|a[{l}]|", "|a[{l}]|"),
    "dropout.chart.layer_output": ("|z[{l}]| (output)", "|z[{l}]|（输出层）"),
    "dropout.chart.no_dropout": ("no dropout (test time)", "不使用 dropout（测试阶段）"),
    "dropout.chart.inverted": ("dropout ÷ keep_prob (inverted)", "dropout 后除以 keep_prob（反向随机失活）"),
    "dropout.chart.not_scaled": ("dropout, not divided", "dropout 后不做除法"),
    "dropout.chart.mean_axis": ("mean size", "平均大小"),
    "dropout.chart.cost_title": ("Training cost J", "训练代价 J"),
    "dropout.chart.with_dropout": ("with dropout", "使用 dropout"),
    "dropout.chart.without_dropout": ("without dropout", "不使用 dropout"),
    "dropout.chart.params_title": ("Parameters per layer", "各层参数数量"),
    "dropout.chart.params_axis": ("parameters in W[l], b[l]", "W[l]、b[l] 中的参数个数"),
    "dropout.chart.keep_prob_text": ("keep_prob {kp:g}", "keep_prob {kp:g}"),
    "dropout.chart.biggest": ("most parameters", "参数最多"),
    "dropout.chart.curve_title": (
        "Train and dev error against keep_prob",
        "训练误差与验证误差随 keep_prob 的变化",
    ),
    "dropout.chart.keep_prob_axis": ("keep_prob (every hidden layer)", "keep_prob（所有隐藏层）"),
}
