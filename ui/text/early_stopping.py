"""Strings of the §1.8 early-stopping page: {key: (English, 中文)}."""

STRINGS = {
    "early_stopping.l2.waiting": (
        "The L2 model trains in the background; it takes its place beside the other two in a moment.",
        "L2 模型正在后台训练，稍后会出现在另外两个模型旁边。",
    ),
    "early_stopping.intro": (
        "Gradient descent starts from small random weights, and every step can make them larger. Early "
        "on the network can only draw simple boundaries; the longer it trains, the more it bends the "
        "boundary around individual noisy points. Watching the dev error while training shows the moment "
        "this starts to hurt: it falls, reaches a minimum, then creeps back up while the training error "
        "keeps falling. Early stopping keeps the weights from that minimum. The data here are 100 noisy "
        "training points and 300 dev points; the network has two ReLU layers of 40 units and starts from He weights scaled down by 0.2.",
        "梯度下降从较小的随机权重出发，每一步都可能让权重变大。训练初期，网络只能画出简单的边界；训练越久，"
        "它就越会为了个别带噪声的点去弯曲边界。训练时同时观察验证误差，就能看出这种变化从何时开始造成伤害："
        "验证误差先下降、到达最低点，然后在训练误差继续下降的同时慢慢回升。提前停止就是保留最低点处的权重。"
        "这里的数据是 100 个带噪声的训练点和 300 个验证点；网络有两个 40 单元的 ReLU 隐藏层，初始权重是缩小到 0.2 倍的 He 初始化。",
    ),
    "early_stopping.ctl.patience": ("Patience (iterations)", "耐心值（迭代次数）"),
    "early_stopping.ctl.patience.help": (
        "How many iterations to wait for a better dev error before giving up. Larger values survive "
        "noisy plateaus but train longer past the minimum.",
        "在放弃之前，等待验证误差创新低的迭代次数。取值越大，越不容易被噪声平台期误导，但越过最低点后也会多训练一段。",
    ),
    "early_stopping.ctl.lambd": ("λ of the L2 model", "L2 模型的 λ"),
    "early_stopping.ctl.lambd.help": (
        "The regularization strength of the third model, trained for all iterations with the L2 penalty.",
        "第三个模型的正则化强度：它带着 L2 惩罚项训练完全部迭代次数。",
    ),
    "early_stopping.tab.weights": ("Growing weights", "权重增长"),
    "early_stopping.tab.models": ("Three models", "三个模型"),
    "early_stopping.sec.curves": (
        "Train and dev error over the iterations",
        "训练误差与验证误差随迭代的变化",
    ),
    "early_stopping.curves.caption": (
        "The dev error is lowest at iteration {best} ({dev:.1%}). By the last iteration it has risen to "
        "{final_dev:.1%} while the training error fell to {final_train:.1%}.",
        "验证误差在第 {best} 次迭代时最低（{dev:.1%}）。到最后一次迭代，训练误差降到 {final_train:.1%}，"
        "验证误差却回升到 {final_dev:.1%}。",
    ),
    "early_stopping.patience.stop": (
        "With a patience of {patience} iterations, training would stop at iteration {stop} and hand back "
        "the weights of iteration {kept}.",
        "若耐心值为 {patience} 次迭代，训练会在第 {stop} 次迭代停止，并返回第 {kept} 次迭代时的权重。",
    ),
    "early_stopping.patience.none": (
        "With a patience of {patience} iterations, this run would never stop early: the dev error kept "
        "improving often enough.",
        "若耐心值为 {patience} 次迭代，这次训练不会提前停止：验证误差一直在不断刷新最低值。",
    ),
    "early_stopping.sec.norm": ("The weights keep growing", "权重在不断变大"),
    "early_stopping.norm.caption": (
        "‖W‖_F is {best_norm:.2f} at the dev minimum and {final_norm:.2f} at the end ({ratio:.1f}×). "
        "Stopping early picks a network with mid-sized weights — much as L2 does, whose model ends at "
        "{l2_norm:.2f}.",
        "‖W‖_F 在验证误差最低处为 {best_norm:.2f}，训练结束时为 {final_norm:.2f}（{ratio:.1f} 倍）。"
        "提前停止选中的是权重大小适中的网络——这和 L2 正则化的效果相似，L2 模型最终的 ‖W‖_F 为 {l2_norm:.2f}。",
    ),
    "early_stopping.sec.models": (
        "Early-stopped, fully trained and L2 models",
        "提前停止、完整训练与 L2 模型",
    ),
    "early_stopping.model.early": ("Stopped early (iteration {it})", "提前停止（第 {it} 次迭代）"),
    "early_stopping.model.full": ("Fully trained ({it} iterations)", "完整训练（{it} 次迭代）"),
    "early_stopping.model.l2": ("L2, λ = {lambd:g} ({it} iterations)", "L2，λ = {lambd:g}（{it} 次迭代）"),
    "early_stopping.model.stats": (
        "train error {train:.1%} · dev error {dev:.1%} · ‖W‖_F {norm:.2f}",
        "训练误差 {train:.1%} · 验证误差 {dev:.1%} · ‖W‖_F {norm:.2f}",
    ),
    "early_stopping.models.caption": (
        "The boundaries are drawn over the 100 training points; the errors are measured on the training and "
        "the 300 dev points.",
        "边界画在 100 个训练点上；误差分别在训练点和 300 个验证点上计算。",
    ),
    "early_stopping.sec.ortho": ("Orthogonalization: one knob, one job", "正交化：一个旋钮只管一件事"),
    "early_stopping.ortho": (
        "Training a model involves two separate jobs: make the cost J as small as possible, and keep the "
        "model from overfitting. It is easiest to tune them with separate tools — the optimizer and the "
        "number of iterations for the first, regularization such as L2 for the second. Early stopping "
        "mixes them: stopping the training also stops J from going down, so one decision trades both "
        "jobs against each other. Its advantage is cost: one run reveals small, medium and large weights "
        "without searching over many λ values. L2 keeps the jobs apart but needs that search.",
        "训练模型其实有两项独立的任务：一是让代价函数 J 尽可能小，二是防止模型过拟合。用不同的工具分别调节它们最简单——"
        "优化算法和迭代次数负责前者，L2 等正则化方法负责后者。提前停止把两者混在了一起：停止训练的同时也停止了 J 的下降，"
        "一个决定同时牵动两项任务。它的优点是省计算：一次训练就能经历从小到中再到大的权重，不必尝试很多个 λ。"
        "L2 能让两项任务各自独立，但需要搜索 λ。",
    ),
    "early_stopping.formula": (
        "Early stopping keeps the parameters of the iteration with the lowest dev error; ‖W‖_F sums every layer:",
        "提前停止保留验证误差最低那次迭代的参数；‖W‖_F 对所有层求和：",
    ),
    "early_stopping.no_dev_minimum": (
        "This run has no usable dev error (it diverged at once), so there is no minimum to stop at.",
        "这次训练没有可用的验证误差（一开始就发散了），因此没有可以停下的最低点。",
    ),
    "early_stopping.chart.dev_minimum": ("dev minimum", "验证误差最低点"),
    "early_stopping.chart.patience_stop": ("stop (patience {patience})", "停止（耐心值 {patience}）"),
    "early_stopping.chart.norm_title": ("Weights grow while training goes on", "训练越久，权重越大"),
    "early_stopping.chart.total_norm": ("‖W‖_F (all layers)", "‖W‖_F（所有层）"),
    "early_stopping.chart.layer_norm": ("‖W[{l}]‖_F", "‖W[{l}]‖_F"),
    "early_stopping.chart.l2_norm": (
        "L2 model at the end (λ = {lambd:g})",
        "L2 模型训练结束时（λ = {lambd:g}）",
    ),
    "early_stopping.chart.norm_axis": ("Frobenius norm", "Frobenius 范数"),
    "early_stopping.chart.models_title": ("Three models, one data set", "同一数据集上的三个模型"),
}
