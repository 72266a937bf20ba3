"""Strings of the §1.3 basic recipe page: {key: (English, 中文)}."""

STRINGS = {
    "recipe.intro": (
        "Once you can name the problem, the fixes come in a simple order. First ask **is the bias high?** — "
        "does the network fit its training set? If not, make the network bigger, train it longer, or (beyond "
        "this lab) try a better optimizer or another architecture, and repeat until the training set is "
        "fitted. Then ask **is the variance high?** — does the network hold up on the dev set? If not, get "
        "more data or regularize (or try another architecture), retrain, and go back to the first question. "
        "Stop when both are low. The button applies the next step to the current run, so you can watch the "
        "diagnosis move.",
        "一旦说清了问题是什么，解决办法就有一个简单的顺序。先问：**偏差高吗？**——网络能拟合自己的训练集吗？如果"
        "不能，就把网络加大、训练更久，或者（超出本实验范围）换更好的优化算法或别的网络架构，反复尝试，直到训练集"
        "被拟合好。再问：**方差高吗？**——网络在验证集上站得住吗？如果站不住，就获取更多数据或加正则化（或换一种"
        "架构），重新训练，然后回到第一个问题。两者都低时就完成了。下面的按钮会把下一步用到当前这次训练上，你可以"
        "看着诊断结果一步步变化。",
    ),
    "recipe.start": (
        "The controls are those of §1.2. The run starts from the lecture's high-bias-and-high-variance case; "
        "pick another **Lecture case** as the starting point, or move the sliders yourself.",
        "这些控件与 §1.2 相同。训练从课上“高偏差且高方差”的案例开始；也可以另选一个**课程中的案例**作为起点，或者"
        "自己拖动滑块。",
    ),
    "recipe.current": ("This run: {verdict}", "本次训练：{verdict}"),
    "recipe.errors": (
        "Train error **{train}**, dev error **{dev}**, optimal error **{optimal}** — avoidable bias {bias} "
        "points, variance {variance} points.",
        "训练误差 **{train}**，验证误差 **{dev}**，最优误差 **{optimal}**——可避免偏差 {bias} 个百分点，方差 "
        "{variance} 个百分点。",
    ),
    "recipe.apply": ("Apply the next step: {step}", "执行下一步：{step}"),
    "recipe.apply.help": (
        "Changes the settings as the recipe says and retrains.",
        "按照流程修改设置，然后重新训练。",
    ),
    "recipe.done": (
        "Both bias and variance are low — the recipe is done for this run.",
        "偏差和方差都已经很低——对这次训练来说，流程已经走完了。",
    ),
    "recipe.stuck": (
        "No step this lab can apply is left for this stage (the sliders are at their limits or a bigger run "
        "would not fit the compute budget). In practice you would now try another architecture or a better "
        "optimizer.",
        "这一阶段已经没有本实验能执行的步骤了（滑块已到上限，或者更大的训练超出了计算预算）。实际工作中，这时应当"
        "尝试别的网络架构或更好的优化算法。",
    ),
    "recipe.applied": ("Applied “{step}”: {change}.", "已执行“{step}”：{change}。"),
    "recipe.change": ("{name} {old} → {new}", "{name} {old} → {new}"),
    "recipe.step.bigger_network": ("Bigger network", "更大的网络"),
    "recipe.step.train_longer": ("Train longer", "训练更久"),
    "recipe.step.better_optimizer": ("Better optimizer", "更好的优化算法"),
    "recipe.step.new_architecture": ("Another architecture", "换一种网络架构"),
    "recipe.step.more_data": ("More data", "更多数据"),
    "recipe.step.regularization": ("Regularization", "正则化"),
    "recipe.step.start": ("start", "起点"),
    "recipe.step.manual": ("manual change", "手动修改"),
    "recipe.trail": ("The trail so far", "到目前为止的路径"),
    "recipe.trail.text": (
        "One point per run since the starting point; the labels are the verdicts. Choosing a lecture case "
        "starts a new trail.",
        "从起点开始，每次训练一个点；标注的是诊断结果。选择一个课程案例会开始新的路径。",
    ),
    "recipe.trail.reset": ("Start a new trail here", "从这里开始新的路径"),
    "recipe.formula": (
        "The two questions of the recipe, as §1.2 reads them: is the avoidable bias B above the bar τ, then is "
        "the variance V above it (E* is the optimal error).",
        "流程中的两个问题，按 §1.2 的读法：可避免偏差 B 是否超过门槛 τ；然后方差 V 是否超过它（E* 是最优误差）。",
    ),
    "recipe.notes": ("Two things to remember", "需要记住的两点"),
    "recipe.notes.text": (
        "**The remedies differ.** More data lowers variance but does almost nothing for bias, and a bigger "
        "network lowers bias; so diagnose before you act — the run below shows it.\n\n"
        "**The trade-off mostly disappears.** Classical machine learning spoke of a bias–variance trade-off "
        "because most tools lowered one by raising the other. In deep learning, a bigger network (suitably "
        "regularized) lowers bias without hurting variance much, and more data lowers variance without hurting "
        "bias much; the main price is computation.",
        "**对策各不相同。** 更多数据能降低方差，却几乎降不了偏差；更大的网络才能降低偏差。所以先诊断再行动——下面"
        "这次训练就能说明这一点。\n\n"
        "**权衡大多不复存在。** 传统机器学习常说偏差与方差之间要权衡，因为大多数手段降低一个就会抬高另一个。在深度"
        "学习中，更大的网络（配合适当的正则化）能降低偏差而不怎么增加方差，更多数据能降低方差而不怎么增加偏差；主要"
        "的代价是计算量。",
    ),
    "recipe.more_data": ("Why more data does not cure high bias", "为什么更多数据治不好高偏差"),
    "recipe.more_data.text": (
        "The same network and the same number of iterations, trained on {factor}× the data. If the problem is "
        "bias, the training error stays where it was.",
        "同样的网络、同样的迭代次数，训练数据增加到 {factor} 倍。如果问题是偏差，训练误差会停留在原来的水平。",
    ),
    "recipe.more_data.fallback": (
        "The current run does not have high bias, so this comparison uses a network that clearly does: two "
        "hidden units trying to draw a circle.",
        "当前这次训练没有高偏差问题，所以这里换用一个明显高偏差的网络来比较：只用两个隐藏单元去画一个圆。",
    ),
    "recipe.more_data.row": ("{m} training examples", "{m} 个训练样本"),
    "recipe.more_data.training": (
        "Training the same network on {m} examples in the background…",
        "正在后台用 {m} 个样本训练同一个网络……",
    ),
    "recipe.more_data.col.run": ("run", "训练"),
    "recipe.more_data.col.train": ("train error", "训练误差"),
    "recipe.more_data.col.dev": ("dev error", "验证误差"),
    "recipe.more_data.col.verdict": ("verdict", "诊断"),
    "recipe.more_data.result": (
        "Training error {tr1} → {tr2} with {factor}× the data: the avoidable bias is still {bias} points.",
        "数据增加到 {factor} 倍后，训练误差 {tr1} → {tr2}：可避免偏差仍有 {bias} 个百分点。",
    ),
    "recipe.more_data.not_needed": (
        "Training error {tr1} → {tr2} with {factor}× the data.",
        "数据增加到 {factor} 倍后，训练误差 {tr1} → {tr2}。",
    ),
    # ---- figure labels (ui.figures.recipe)
    "recipe.fig.flow_title": (
        "The basic recipe — where this run stands",
        "机器学习基础流程——本次训练所处的位置",
    ),
    "recipe.fig.start": ("Train a first network", "先训练一个网络"),
    "recipe.fig.bias_q": (
        "High bias?<br><i>(train error vs optimal)</i>",
        "偏差高吗？<br><i>（训练误差对比最优误差）</i>",
    ),
    "recipe.fig.variance_q": (
        "High variance?<br><i>(dev error vs train)</i>",
        "方差高吗？<br><i>（验证误差对比训练误差）</i>",
    ),
    "recipe.fig.done": ("Done: low bias and low variance", "完成：低偏差、低方差"),
    "recipe.fig.yes": ("yes", "是"),
    "recipe.fig.no": ("no", "否"),
    "recipe.fig.retrain": ("retrain, check again", "重新训练，再检查"),
    "recipe.fig.beyond": ("(not in this lab)", "（本实验不涉及）"),
    "recipe.fig.next": ("next", "下一步"),
    "recipe.fig.trail_title": ("The diagnosis, step by step", "诊断结果的逐步变化"),
    "recipe.fig.step_axis": ("step", "步骤"),
    "recipe.fig.error_axis": ("error rate", "错误率"),
    "recipe.fig.train_error": ("train error", "训练误差"),
    "recipe.fig.dev_error": ("dev error", "验证误差"),
    "recipe.fig.optimal": ("optimal error", "最优误差"),
}
