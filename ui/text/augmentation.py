"""Strings of the §1.8 data-augmentation page: {key: (English, 中文)}."""

STRINGS = {
    "augmentation.intro": (
        "When a model overfits, more data is the most reliable cure, but new data is often expensive. "
        "Data augmentation manufactures extra examples from the ones we have: a mirrored or slightly "
        "rotated cat photo is still a cat photo, so it can join the training set with the same label. "
        "The copies carry less new information than genuinely new examples, yet they cost almost "
        "nothing. The catch is that every transform must keep the label right: a cat turned upside down "
        "is not what the model will see later. In two dimensions a transform is label-preserving when it "
        "respects the symmetry of the classes. Here a small training set (and 300 dev points) trains a "
        "network with two ReLU layers of 32 units, three times: without augmentation, with every "
        "label-preserving transform, and with the one transform you choose.",
        "模型过拟合时，增加数据是最可靠的办法，但新数据往往代价高昂。数据扩增用已有的样本“制造”出更多样本："
        "水平翻转或轻微旋转后的猫照片仍然是猫，因此可以带着相同的标签加入训练集。这些副本带来的新信息比不上真正的新样本，"
        "却几乎不花成本。关键在于每种变换都必须保持标签正确：把猫倒过来，并不是模型以后会见到的样子。在二维平面上，"
        "一种变换只要符合各类别的对称性，就不会改变标签。这里用一个很小的训练集（外加 300 个验证点）训练一个有两个 "
        "32 单元 ReLU 隐藏层的网络，共训练三次：不做扩增、使用所有保持标签的变换、以及只用你选择的那一种变换。",
    ),
    "augmentation.ctl.m": ("Training examples (before augmentation)", "训练样本数（扩增前）"),
    "augmentation.ctl.m.help": (
        "A small training set overfits; augmentation helps most when data are scarce.",
        "训练集越小越容易过拟合；数据越稀缺，数据扩增的帮助越大。",
    ),
    "augmentation.ctl.transform": ("Transform to try on its own", "单独尝试的变换"),
    "augmentation.ctl.transform.help": (
        "Added alone to the original points, with the labels copied. The table says whether it keeps "
        "the labels of this data set.",
        "单独加到原始样本上，标签直接照搬。表格会说明它在当前数据集上是否保持标签不变。",
    ),
    "opt.reflect_x": ("mirror in the x₁-axis: (x₁, x₂) → (x₁, −x₂)", "关于 x₁ 轴镜像：(x₁, x₂) → (x₁, −x₂)"),
    "opt.reflect_y": ("mirror in the x₂-axis: (x₁, x₂) → (−x₁, x₂)", "关于 x₂ 轴镜像：(x₁, x₂) → (−x₁, x₂)"),
    "opt.reflect_origin": (
        "point reflection through the origin: (x₁, x₂) → (−x₁, −x₂)",
        "关于原点对称：(x₁, x₂) → (−x₁, −x₂)",
    ),
    "opt.swap_axes": ("swap the axes: (x₁, x₂) → (x₂, x₁)", "交换坐标轴：(x₁, x₂) → (x₂, x₁)"),
    "opt.rotate_90": ("rotate by 90°: (x₁, x₂) → (−x₂, x₁)", "旋转 90°：(x₁, x₂) → (−x₂, x₁)"),
    "opt.rotate_180": ("rotate by 180°: (x₁, x₂) → (−x₁, −x₂)", "旋转 180°：(x₁, x₂) → (−x₁, −x₂)"),
    "opt.jitter": ("small random jitter: x → x + noise", "微小随机扰动：x → x + 噪声"),
    "augmentation.short.reflect_x": ("the x₁-axis mirror", "关于 x₁ 轴的镜像"),
    "augmentation.short.reflect_y": ("the x₂-axis mirror", "关于 x₂ 轴的镜像"),
    "augmentation.short.reflect_origin": ("the point reflection", "关于原点的对称"),
    "augmentation.short.swap_axes": ("swapping the axes", "交换坐标轴"),
    "augmentation.short.rotate_90": ("the 90° rotation", "旋转 90°"),
    "augmentation.short.rotate_180": ("the 180° rotation", "旋转 180°"),
    "augmentation.short.jitter": ("jitter", "随机扰动"),
    "augmentation.sec.table": ("Which transforms keep the labels?", "哪些变换能保持标签？"),
    "augmentation.table.text": (
        "For {dataset}, each transform is checked two ways: by the symmetry of the data set (the ✓/✗ "
        "column) and by experiment — {n} clean points are transformed and the share whose copied label "
        "agrees with the true class at the new position is measured.",
        "对于{dataset}数据集，每种变换都从两方面检查：一是数据集本身的对称性（✓/✗ 一列），二是实验——把 {n} 个干净的点做变换，"
        "统计照搬的标签与新位置上真实类别一致的比例。",
    ),
    "augmentation.col.transform": ("transform", "变换"),
    "augmentation.col.preserving": ("keeps the labels", "保持标签"),
    "augmentation.col.agreement": ("labels still right", "标签仍然正确的比例"),
    "augmentation.yes": ("✓ yes", "✓ 是"),
    "augmentation.no": ("✗ no — harmful", "✗ 否——有害"),
    "augmentation.all_valid": (
        "Every transform keeps the labels of {dataset}: the classes only depend on the distance from "
        "the centre, which no rotation or mirror changes. Pick another data set to see a harmful one.",
        "对于{dataset}数据集，所有变换都能保持标签：类别只取决于到中心的距离，任何旋转或镜像都不会改变它。"
        "换一个数据集，就能看到有害的变换。",
    ),
    "augmentation.sec.runs": ("Three training sets, one dev set", "三个训练集，同一个验证集"),
    "augmentation.run.none": ("No augmentation", "不做扩增"),
    "augmentation.run.valid": ("+ label-preserving copies", "+ 保持标签的副本"),
    "augmentation.run.chosen_ok": ("+ {transform} ✓", "+ {transform} ✓"),
    "augmentation.run.chosen_bad": ("+ {transform} ✗ wrong labels", "+ {transform} ✗ 标签错误"),
    "augmentation.run.stats": (
        "train error {train:.1%} · dev error {dev:.1%} · {n} training examples",
        "训练误差 {train:.1%} · 验证误差 {dev:.1%} · {n} 个训练样本",
    ),
    "augmentation.runs.caption": (
        "Filled dots are the original training points, open circles the added copies (coloured by the "
        "label they were given); the 300 dev points are left out of the pictures. Train error is measured "
        "on the original points only, dev error on the dev points.",
        "实心圆点是原始训练样本，空心圆圈是新增的副本（颜色表示它们被赋予的标签）；图中没有画出 300 个验证点。"
        "训练误差只在原始样本上计算，验证误差在验证点上计算。",
    ),
    "augmentation.verdict.bad": (
        "{transform} does not keep the labels of {dataset}: the copies land where the other class lives "
        "(only {agreement:.0%} of their labels are right). Dev error goes from {base:.1%} without "
        "augmentation to {dev:.1%} — like training a cat classifier on upside-down cats labelled ‘cat’.",
        "{transform}不能保持{dataset}数据集的标签：副本落到了另一个类别所在的区域（只有 {agreement:.0%} 的标签是对的）。"
        "验证误差从不扩增时的 {base:.1%} 变成 {dev:.1%}——就像用标成“猫”的倒立猫照片去训练猫分类器。",
    ),
    "augmentation.verdict.ok": (
        "{transform} keeps the labels of {dataset}, so its copies are honest extra data: dev error "
        "{dev:.1%}, against {base:.1%} without augmentation.",
        "{transform}能保持{dataset}数据集的标签，因此它生成的副本是可靠的额外数据：验证误差为 {dev:.1%}，"
        "不做扩增时为 {base:.1%}。",
    ),
    "augmentation.valid.summary": (
        "All label-preserving transforms together ({names}): dev error {dev:.1%}, against {base:.1%} "
        "without augmentation, with {k}× the training examples.",
        "所有保持标签的变换一起使用（{names}）：验证误差为 {dev:.1%}，不做扩增时为 {base:.1%}，训练样本数变为原来的 {k} 倍。",
    ),
    "augmentation.formula": (
        "Augmentation appends transformed copies with the labels copied; it is safe only if the label "
        "really does not change:",
        "数据扩增把变换后的副本连同照搬的标签一起加入训练集；只有当标签确实不变时，这样做才是安全的：",
    ),
    "augmentation.chart.errors_title": (
        "Train and dev error of the three models",
        "三个模型的训练误差与验证误差",
    ),
}
