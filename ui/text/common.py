"""Strings of the shell and the shared kit: {key: (English, 中文)}."""

STRINGS = {
    "app.title": ("DL Practice Lab", "深度学习实践实验室"),
    "nav.home": ("Home", "首页"),
    "nav.section.data": ("Data and diagnosis", "数据与诊断"),
    "nav.section.regularization": ("Regularization", "正则化"),
    "nav.section.optimization": ("Setting up optimization", "优化问题的准备"),
    "nav.section.gradcheck": ("Gradient checking", "梯度检验"),
    "shell.language": ("Language", "语言"),
    "shell.reset": ("Reset this page", "重置本页"),
    "shell.reset.help": ("Put every control on this page back to its default.", "把本页所有控件恢复为默认值。"),
    "shell.share": ("Link to this view", "本视图链接"),
    "shell.tab_unknown": (
        "?{name}={value}: this page has no such tab — showing “{first}”.",
        "?{name}={value}：本页没有这个标签页——显示“{first}”。",
    ),
    "shell.share.help": (
        "Copy this link to reopen the page exactly as it is now (controls, language, seed).",
        "复制此链接，可以原样重新打开当前页面（控件取值、语言和随机种子）。",
    ),
    "shell.present.help": (
        "Presenter mode: add &present=1 to hide the sidebar and enlarge figures; "
        "&hide=key1,key2 also hides those controls.",
        "演示模式：在链接后加上 &present=1 可隐藏侧边栏并放大图表；再加 &hide=控件1,控件2 可隐藏这些控件。",
    ),
    "shell.code": ("The code that produced this figure", "生成此图的代码"),
    "ctl.seed": ("Random seed", "随机种子"),
    "series.init": ("at initialization", "初始化时"),
    "series.after": ("after {n} iterations", "{n} 次迭代后"),
    "series.diverged": ("at iteration {n}, when training diverged", "第 {n} 次迭代（训练发散时）"),
    "ctl.seed.help": (
        "Seeds the data, the initial weights and the dropout masks, so every run can be repeated.",
        "决定数据、初始权重和 dropout 掩码的随机性，使每次运行都可以复现。",
    ),
    "notice.invalid": (
        "The link set {param}={raw}, which is not a valid value: using {value} instead.",
        "链接中的 {param}={raw} 不是有效取值，已改用 {value}。",
    ),
    "notice.clamped": (
        "The link set {param}={raw}, outside the allowed range: using the nearest allowed value, {value}.",
        "链接中的 {param}={raw} 超出允许范围，已改用最接近的允许值 {value}。",
    ),
    "run.capped": (
        "To keep the server responsive this run was limited to {used} iterations (you asked for {asked}).",
        "为保证服务器响应速度，本次训练限制为 {used} 次迭代（你设置的是 {asked} 次）。",
    ),
    "run.time_budget": (
        "Training stopped after {seconds:.0f} s (at iteration {iteration}) to keep the page responsive.",
        "为保证页面流畅，训练在 {seconds:.0f} 秒后（第 {iteration} 次迭代）提前停止。",
    ),
    "run.diverged": (
        "Training diverged at iteration {iteration}: the cost became huge or not a number. "
        "Lower the learning rate or the initialisation scale.",
        "训练在第 {iteration} 次迭代发散：代价变得极大或不是数值。请降低学习率或初始化尺度。",
    ),
    "metric.train_error": ("Train error", "训练集误差"),
    "metric.dev_error": ("Dev error", "验证集误差"),
    "metric.optimal_error": ("Optimal (Bayes) error", "最优（贝叶斯）误差"),
    "metric.avoidable_bias": ("Avoidable bias", "可避免偏差"),
    "metric.variance": ("Variance", "方差"),
    "metric.iterations": ("Iterations", "迭代次数"),
    "metric.final_cost": ("Final cost J", "最终代价 J"),
    "ctl.dataset": ("Data set", "数据集"),
    "ctl.dataset.help": ("Which 2-D data set to classify.", "要分类的二维数据集。"),
    "ctl.hidden": ("Hidden units per layer", "每个隐藏层的单元数"),
    "ctl.iterations": ("Iterations", "迭代次数"),
    "opt.moons": ("Moons", "双月形"),
    "opt.circles": ("Circles", "同心圆"),
    "opt.xor": ("XOR", "异或"),
    "opt.spiral": ("Spiral", "螺旋"),
    "opt.blobs": ("Blobs", "高斯团"),
    "opt.scaled": ("Scaled features", "尺度悬殊的特征"),
    "opt.own": ("Your uploaded data", "你上传的数据"),
    "opt.relu": ("ReLU", "ReLU"),
    "opt.leaky_relu": ("Leaky ReLU", "Leaky ReLU"),
    "opt.tanh": ("tanh", "tanh"),
    "opt.sigmoid": ("sigmoid", "sigmoid"),
    "opt.linear": ("linear", "线性"),
    "opt.zeros": ("zeros", "全零"),
    "opt.random": ("random N(0,1)", "随机 N(0,1)"),
    "opt.xavier": ("Xavier √(1/n)", "Xavier √(1/n)"),
    "opt.he": ("He √(2/n)", "He √(2/n)"),
    "opt.glorot": ("Glorot √(2/(n_in+n_out))", "Glorot √(2/(n_in+n_out))"),
    "opt.l2": ("L2", "L2"),
    "opt.l1": ("L1", "L1"),
    "home.title": ("DL Practice Lab", "深度学习实践实验室"),
    "home.summary": (
        "Move a slider, and a small neural network is retrained on the spot: the practical side of "
        "deep learning, one experiment at a time.",
        "拖动滑块，一个小型神经网络就会当场重新训练：用一个个实验来理解深度学习的实践层面。",
    ),
    "home.intro": (
        "This lab follows the first week of *Improving Deep Neural Networks*: how to split data, how to "
        "read bias and variance, how regularization, dropout and early stopping fight overfitting, why "
        "inputs are normalized and weights initialized with care, and how to check that backpropagation "
        "is right. Every figure comes from a real training run of our own NumPy engine.",
        "本实验室对应《改善深层神经网络》第一周的内容：如何划分数据，如何判断偏差与方差，正则化、dropout 和提前停止"
        "如何抑制过拟合，为什么要归一化输入并谨慎地初始化权重，以及如何检验反向传播是否正确。每张图都来自我们自己的 "
        "NumPy 引擎的一次真实训练。",
    ),
    "home.map": ("Map of the topics", "主题地图"),
    "home.soon": ("coming soon", "即将推出"),
    "home.demo": ("Try it: a network learns a decision boundary", "试一试：网络学习决策边界"),
    "home.demo.text": (
        "A network with two relu hidden layers, trained by full-batch gradient descent. The shading is "
        "the predicted probability of class 1; crosses mark misclassified points.",
        "一个有两个 relu 隐藏层的网络，用全批量梯度下降训练。底色表示预测为类别 1 的概率；叉号标出分错的点。",
    ),
    "home.replay": ("Replay the training", "回放训练过程"),
    "ctl.replay": ("Replay the training", "回放训练过程"),
    "ctl.replay.help": (
        "Keep snapshots of the weights while training and play them back as an animation in the browser.",
        "训练时保存权重快照，并在浏览器中以动画形式回放。",
    ),
    "home.upload": ("Use your own data", "使用你自己的数据"),
}

STRINGS.update({
    "shell.svg": ("Export figures as SVG", "以 SVG 格式导出图表"),
    "shell.svg.help": (
        "The camera button of each figure saves a PNG; switch this on to save SVG instead.",
        "每张图右上角的相机按钮默认保存 PNG；打开此项后改为保存 SVG。",
    ),
    "data.own_missing": (
        "No uploaded data yet: open “Use your own data” in the sidebar. Showing the moons data meanwhile.",
        "还没有上传数据：请在侧边栏打开“使用你自己的数据”。暂时显示双月形数据。",
    ),
    "ab.toggle": ("Compare two configurations (A/B)", "对比两种配置（A/B）"),
    "ab.toggle.help": (
        "Train a second configuration on the same data and seed and show both side by side.",
        "在相同的数据和随机种子上训练第二种配置，并排显示两者。",
    ),
    "ab.config": ("Configuration {name}", "配置 {name}"),
    "ab.controls": ("Controls of {name}", "配置 {name} 的控件"),
    "ab.difference": ("B compared with A", "B 与 A 的比较"),
})
