"""Strings of the §1.13–§1.14 gradient checking page: {key: (English, 中文)}."""

STRINGS = {
    # --- controls -------------------------------------------------------------------------------
    "gradcheck.ctl.m": ("Examples m", "样本数 m"),
    "gradcheck.ctl.m.help": (
        "A gradient check needs only a little data: every perturbed cost is a full pass over it.",
        "梯度检验只需要少量数据：每一次扰动后的代价都要在全部数据上完整算一遍。",
    ),
    "gradcheck.ctl.hidden_layers": ("Hidden layers", "隐藏层数"),
    "gradcheck.ctl.units": ("Units per hidden layer", "每个隐藏层的单元数"),
    "gradcheck.ctl.units.help": (
        "n[1] = … = n[L−1]; the input has 2 features and the output one sigmoid unit.",
        "n[1] = … = n[L−1]；输入有 2 个特征，输出是一个 sigmoid 单元。",
    ),
    "gradcheck.ctl.activation": ("Hidden activation g", "隐藏层激活函数 g"),
    "gradcheck.ctl.lambd": ("L2 strength λ", "L2 正则化强度 λ"),
    "gradcheck.ctl.lambd.help": (
        "J includes λ/(2m)·Σ‖W[l]‖²; a correct dθ must then include λ/m·W[l] in every dW[l].",
        "J 中包含 λ/(2m)·Σ‖W[l]‖²；正确的 dθ 也必须在每个 dW[l] 里加上 λ/m·W[l]。",
    ),
    "gradcheck.ctl.eps": ("Step ε of the check", "检验所用的步长 ε"),
    "gradcheck.ctl.eps.help": (
        "The lecture uses ε = 10⁻⁷. Much larger and truncation shows; much smaller and round-off does.",
        "课程中取 ε = 10⁻⁷。取得太大会出现截断误差，太小则会出现舍入误差。",
    ),
    "gradcheck.ctl.bug": ("Plant a bug in backprop", "在反向传播中植入一个错误"),
    "gradcheck.ctl.bug.help": (
        "Replace the correct backward pass by one with a typical mistake and see whether the check finds it.",
        "把正确的反向传播换成带有典型错误的版本，看梯度检验能否发现它。",
    ),
    "gradcheck.ctl.bug_layer": ("…in layer l", "……位于第 l 层"),
    "gradcheck.ctl.bug_layer.help": (
        "Which layer gets the bug. Layers where the bug cannot live are replaced by the nearest one that can.",
        "错误植入哪一层。如果该层无法承载这种错误，就改用最近的可行层。",
    ),
    "gradcheck.ctl.keep_prob": ("keep_prob for the dropout demo", "dropout 演示中的 keep_prob"),
    "gradcheck.ctl.train_iterations": (
        "Training iterations before the second check",
        "第二次检验前的训练迭代次数",
    ),
    "opt.no_bug": ("no bug (correct backprop)", "无错误（正确的反向传播）"),
    "opt.dw_factor": ("dW without the 1/m", "dW 漏掉了 1/m"),
    "opt.db_wrong_axis": ("db summed over the wrong axis", "db 沿错误的轴求和"),
    "opt.missing_activation_derivative": ("g′(Z) left out of dZ", "dZ 中漏掉了 g′(Z)"),
    "opt.l2_missing_in_dw": ("L2 term left out of dW", "dW 中漏掉了 L2 项"),
    "opt.transposed_product": ("dW computed as a transposed product", "dW 用了转置后的乘积"),
    # --- the planted bugs (keys named by core.gradcheck.BUGS) -----------------------------------
    "gradcheck.bug.dw_factor": (
        "`dW[l] = dZ[l] · A[l−1]ᵀ` — the division by m is missing, so dW[l] is m times too large.",
        "`dW[l] = dZ[l] · A[l−1]ᵀ`——漏掉了除以 m，dW[l] 因此大了 m 倍。",
    ),
    "gradcheck.bug.db_wrong_axis": (
        "`db[l] = np.sum(dZ[l]) / m` — summed over every entry instead of over the examples "
        "(`axis=1`), so each unit gets the same number.",
        "`db[l] = np.sum(dZ[l]) / m`——对所有元素求和，而不是沿样本方向（`axis=1`）求和，于是每个单元得到"
        "同一个数。",
    ),
    "gradcheck.bug.missing_activation_derivative": (
        "`dZ[l] = dA[l]` — the factor g′(Z[l]) is left out, so dW[l], db[l] and every layer below are off.",
        "`dZ[l] = dA[l]`——漏乘了 g′(Z[l])，于是 dW[l]、db[l] 以及其下的每一层都不对。",
    ),
    "gradcheck.bug.l2_missing_in_dw": (
        "`dW[l] = dZ[l] · A[l−1]ᵀ / m` — the term λ/m·W[l] is left out although J contains the penalty.",
        "`dW[l] = dZ[l] · A[l−1]ᵀ / m`——J 中有惩罚项，dW[l] 却漏掉了 λ/m·W[l]。",
    ),
    "gradcheck.bug.transposed_product": (
        "`dW[l] = A[l−1] · dZ[l]ᵀ / m` — the product in the wrong order; its shape only fits when W[l] is "
        "square, which is exactly why it slips through.",
        "`dW[l] = A[l−1] · dZ[l]ᵀ / m`——乘积顺序写反了；只有 W[l] 是方阵时形状才对得上，这正是它容易被"
        "漏掉的原因。",
    ),
    "gradcheck.impossible.dw_factor": ("This bug fits every layer.", "这种错误可以放在任何一层。"),
    "gradcheck.impossible.db_wrong_axis": (
        "This bug only shows in a layer with more than one unit: use 2 or more units.",
        "这种错误只会出现在单元数多于一个的层中：请把单元数设为 2 或更多。",
    ),
    "gradcheck.impossible.missing_activation_derivative": (
        "Linear units have g′(z) = 1, so there is nothing to leave out: pick another activation.",
        "线性单元的 g′(z) = 1，没有什么可以漏掉：请换一种激活函数。",
    ),
    "gradcheck.impossible.l2_missing_in_dw": (
        "With λ = 0 there is no penalty term to forget: set λ > 0.",
        "λ = 0 时根本没有惩罚项可以遗漏：请把 λ 设为大于 0。",
    ),
    "gradcheck.impossible.transposed_product": (
        "The transposed product only has the right shape when W[l] is square (n[l] = n[l−1]): use 2 or "
        "more hidden layers, or 2 units.",
        "只有当 W[l] 是方阵（n[l] = n[l−1]）时，转置后的乘积形状才对得上：请使用 2 个或更多隐藏层，或者把"
        "单元数设为 2。",
    ),
    "gradcheck.moved": (
        "This bug cannot live in layer {asked} of this network, so it went into layer {layer} (possible: {layers}).",
        "在这个网络中，这种错误不能放在第 {asked} 层，因此放到了第 {layer} 层（可选的层：{layers}）。",
    ),
    "gradcheck.planted": ("Planted in layer {layer}: {description}", "植入第 {layer} 层：{description}"),
    "gradcheck.no_effect": (
        "The planted bug does not change dθ for this network and data (for example a 1×1 product is its own "
        "transpose), so no check can see it.",
        "对这个网络和数据来说，植入的错误并没有改变 dθ（例如 1×1 的乘积与其转置相同），因此任何检验都看不出它。",
    ),
    "gradcheck.found": (
        "Found: the check points at {blocks}, exactly where the bug was planted.",
        "找到了：检验指向 {blocks}，正是植入错误的位置。",
    ),
    "gradcheck.found_other": (
        "The check points at {blocks}; the bug was planted in {expected}.",
        "检验指向 {blocks}；而错误植入在 {expected}。",
    ),
    # --- §1.13 ----------------------------------------------------------------------------------
    "gradcheck.tab.check": ("§1.13 Gradient checking", "§1.13 梯度检验"),
    "gradcheck.tab.notes": ("§1.14 Implementation notes", "§1.14 实施注意事项"),
    "gradcheck.intro": (
        "A gradient check compares what backprop says with what the cost function itself says. Reshape "
        "W[1], b[1], …, W[L], b[L] into one long vector θ and dW[1], db[1], … into a vector dθ of the same "
        "layout. Then, for every component i, nudge θᵢ up and down by ε, evaluate J both times, and take the "
        "two-sided quotient from §1.12. If backprop is right, the two vectors agree to many digits; if they "
        "do not, the components that disagree tell you where to look.",
        "梯度检验把反向传播给出的结果与代价函数本身给出的结果相比较。把 W[1]、b[1]、……、W[L]、b[L] 拼成一个"
        "长向量 θ，再把 dW[1]、db[1]、……按同样的顺序拼成向量 dθ。然后对每个分量 i，把 θᵢ 分别增加和减少 ε，"
        "各计算一次 J，求出 §1.12 中的双边差商。如果反向传播是正确的，两个向量会在很多位有效数字上一致；如果"
        "不一致，那些对不上的分量会告诉你该去哪里找错误。",
    ),
    "gradcheck.net": (
        "Network {dims} with {activation} hidden units, λ = {lambd}, on {m} examples of the {dataset} data; "
        "weights from the seeded initialization, biases small and random (N(0, 0.1²)) so that no example sits "
        "exactly on a ReLU kink.",
        "网络结构 {dims}，隐藏层激活函数 {activation}，λ = {lambd}，使用{dataset}数据的 {m} 个样本；权重来自"
        "带随机种子的初始化，偏置取较小的随机值（N(0, 0.1²)），以免有样本恰好落在 relu 的折点上。",
    ),
    "gradcheck.metric.n_params": ("Size of θ", "θ 的维度"),
    "gradcheck.metric.n_evals": ("Cost evaluations (2·|θ|)", "代价函数计算次数（2·|θ|）"),
    "gradcheck.metric.difference": ("Relative difference", "相对差异"),
    "gradcheck.verdict.ok": (
        "**{difference} — below 10⁻⁷: fine.** Backprop agrees with the numerical gradient; it is very "
        "likely correct.",
        "**{difference}——低于 10⁻⁷：没问题。** 反向传播与数值梯度一致，很可能是正确的。",
    ),
    "gradcheck.verdict.check": (
        "**{difference} — between 10⁻⁷ and 10⁻³: look closer.** Around 10⁻⁵ it may still be fine, but "
        "check the blocks below for one that stands out.",
        "**{difference}——介于 10⁻⁷ 和 10⁻³ 之间：需要仔细看看。** 在 10⁻⁵ 左右时也许仍然没问题，但请检查"
        "下面各个分块，看有没有哪一块特别突出。",
    ),
    "gradcheck.verdict.bug": (
        "**{difference} — 10⁻³ or more: very likely a bug.** Find the components that disagree.",
        "**{difference}——达到或超过 10⁻³：很可能有错误。** 找出对不上的那些分量。",
    ),
    "gradcheck.loc.both": (
        "Going backwards from the output, the first blocks that disagree are **dW[{l}] and db[{l}]**. Both "
        "are computed from dZ[{l}], so look at how dZ[{l}] is formed (for instance its g′(Z[{l}]) factor).",
        "从输出层往回看，最先对不上的分块是 **dW[{l}] 和 db[{l}]**。两者都由 dZ[{l}] 算出，所以请检查 dZ[{l}] "
        "是怎么得到的（例如其中的 g′(Z[{l}]) 因子）。",
    ),
    "gradcheck.loc.dw": (
        "Going backwards from the output, the first block that disagrees is **dW[{l}]**, while db[{l}] "
        "agrees. dZ[{l}] is therefore right; the mistake is in the line that turns dZ[{l}] into dW[{l}].",
        "从输出层往回看，最先对不上的分块是 **dW[{l}]**，而 db[{l}] 是对的。可见 dZ[{l}] 没有问题，错误出在由 "
        "dZ[{l}] 计算 dW[{l}] 的那一行。",
    ),
    "gradcheck.loc.db": (
        "Going backwards from the output, the first block that disagrees is **db[{l}]**, while dW[{l}] "
        "agrees. dZ[{l}] is therefore right; the mistake is in the line that turns dZ[{l}] into db[{l}].",
        "从输出层往回看，最先对不上的分块是 **db[{l}]**，而 dW[{l}] 是对的。可见 dZ[{l}] 没有问题，错误出在由 "
        "dZ[{l}] 计算 db[{l}] 的那一行。",
    ),
    "gradcheck.loc.lower": (
        "The blocks below it ({blocks}) disagree too: backprop carries a mistake down to every earlier layer, "
        "so fix the highest layer first.",
        "它下面的分块（{blocks}）也对不上：反向传播会把错误一路带到前面的每一层，所以先修正最靠近输出的那一层。",
    ),
    "gradcheck.kinks": (
        "{n} ReLU inputs Z sit within 10·ε of the kink at z = 0. There θ ± ε falls on both sides of the "
        "kink and the quotient averages two slopes, so even a correct backprop can fail here — a limit of "
        "numerical checking, not a bug. Try another seed or more units.",
        "有 {n} 个 relu 输入 Z 离 z = 0 处的折点不到 10·ε。此时 θ ± ε 落在折点两侧，差商是两个斜率的平均，"
        "因此即使反向传播完全正确，检验也可能失败——这是数值检验本身的局限，而不是错误。请更换随机种子或增加单元数。",
    ),
    "gradcheck.roundoff": (
        "No bug is planted, so this is numerics. Each J(θ ± ε) carries a rounding error of about u·|J| "
        "(u ≈ 10⁻¹⁶) and the quotient divides it by ε; next to ‖dθ‖ = {norm} that alone predicts a relative "
        "difference of about {floor}. A smaller ε or a smaller gradient makes it worse: try ε = 10⁻⁶ or "
        "10⁻⁷, and look at the per-block chart — a block whose gradient is tiny can read high without any bug.",
        "这里没有植入错误，所以这是数值问题。每个 J(θ ± ε) 都带有约 u·|J| 的舍入误差（u ≈ 10⁻¹⁶），差商又把它"
        "除以 ε；与 ‖dθ‖ = {norm} 相比，仅这一项就预计会产生约 {floor} 的相对差异。ε 越小或梯度越小，情况就越糟："
        "试试 ε = 10⁻⁶ 或 10⁻⁷，并看看分块图——梯度本身极小的分块即使没有错误，读数也可能偏高。",
    ),
    "gradcheck.truncation": (
        "No bug is planted: with ε = {eps} the O(ε²) truncation error of the two-sided quotient is what you "
        "see. Go back towards ε = 10⁻⁷.",
        "这里没有植入错误：ε = {eps} 时你看到的是双边差商 O(ε²) 的截断误差。请把 ε 调回 10⁻⁷ 附近。",
    ),
    "gradcheck.blocks.text": (
        "Each bar is the relative difference within one block of θ. A bug shows up as a few tall bars "
        "among short ones; the arrow marks where to start debugging. The chart below shows every single "
        "component: backprop's value, the numerical one, and the gap between them.",
        "每根柱子是 θ 中一个分块内部的相对差异。错误表现为一片矮柱中的几根高柱；箭头标出应该从哪里开始调试。"
        "下面的图展示每一个分量：反向传播的值、数值梯度的值，以及两者之间的差距。",
    ),
    "gradcheck.formula": ("The check, component by component", "逐个分量的检验"),
    "gradcheck.formula.text": (
        "The second formula is the relative difference: the Euclidean distance between the two vectors "
        "(not squared), divided by the sum of their lengths, so that the number does not depend on how "
        "large the gradient happens to be.",
        "第二个公式就是相对差异：两个向量之间的欧几里得距离（不取平方），再除以两者长度之和，这样这个数就不会"
        "受梯度本身大小的影响。",
    ),
    # --- §1.14 ----------------------------------------------------------------------------------
    "gradcheck.notes.intro": (
        "Five practical rules go with gradient checking. Each one is run live below on the network from the "
        "§1.13 tab ({dims}, {activation}, λ = {lambd}, ε = {eps}).",
        "梯度检验有五条实用规则。下面在 §1.13 标签页配置的网络（{dims}，{activation}，λ = {lambd}，"
        "ε = {eps}）上逐条现场演示。",
    ),
    "gradcheck.note1": ("1 · Use it to debug, never while training", "1 · 只在调试时使用，不要在训练中使用"),
    "gradcheck.note1.text": (
        "One check evaluates J 2·|θ| times; one training step needs one forward and one backward pass. "
        "Below both are timed on this machine: run the check once (or a few times) to convince yourself that "
        "backprop is right, then switch it off and train with backprop alone.",
        "一次梯度检验要计算 2·|θ| 次 J；而一步训练只需要一次前向传播和一次反向传播。下面在本机上为两者计时："
        "运行一次（或几次）检验，确认反向传播正确之后，就把它关掉，只用反向传播来训练。",
    ),
    "gradcheck.cost.summary": (
        "Here one check (the plain loop over the {n} components, {evals} cost evaluations) takes "
        "**{loop_ms:.1f} ms**, as long as **{loop_steps:.0f} training steps** ({step_ms:.2f} ms each). Even "
        "batched, with all perturbed costs stacked into one array computation, it takes {batched_ms:.1f} ms "
        "= {batched_steps:.0f} steps. The count grows with |θ| and each evaluation does too, so for a "
        "network with a million parameters a single check would cost about a million training steps.",
        "在这里，一次检验（对 {n} 个分量逐一循环，共 {evals} 次代价计算）需要 **{loop_ms:.1f} 毫秒**，相当于 "
        "**{loop_steps:.0f} 步训练**（每步 {step_ms:.2f} 毫秒）。即使采用批量方式，把所有扰动后的代价堆叠成"
        "一次数组运算，也需要 {batched_ms:.1f} 毫秒，相当于 {batched_steps:.0f} 步。计算次数随 |θ| 增长，"
        "每次计算的开销也随之增长，因此对一个有一百万个参数的网络，一次检验大约要花掉一百万步训练的时间。",
    ),
    "gradcheck.note2": ("2 · If it fails, look at the components", "2 · 检验失败时，逐个分量地查看"),
    "gradcheck.note2.text": (
        "The relative difference is one number for all of θ. When it is too large, find the components "
        "i where dθ_approx[i] and dθ[i] differ most and map them back to their block: if they are all in "
        "db[l] and dW[l] agrees, the bug is in how db[l] is computed, and the other way round. The "
        "per-block chart of the §1.13 tab does exactly this — plant a bug there to try it.",
        "相对差异是针对整个 θ 的一个数。它过大时，找出 dθ_approx[i] 与 dθ[i] 相差最大的那些分量 i，"
        "再对应回它们所在的分块：如果它们都在 db[l] 中，而 dW[l] 是对的，错误就出在 db[l] 的计算上，反之亦然。"
        "§1.13 标签页中的分块图正是这样做的——在那里植入一个错误试试看。",
    ),
    "gradcheck.note3": ("3 · Remember the regularization term", "3 · 别忘了正则化项"),
    "gradcheck.note3.text": (
        "J is the cost you actually minimize, penalty included, and dθ must be its gradient. Leave the "
        "penalty out of either one and the check fails although every other line is right.",
        "J 是你真正最小化的代价函数，其中包括惩罚项；dθ 必须是它的梯度。只要其中任何一个漏掉了惩罚项，"
        "即使其他每一行都正确，检验也会失败。",
    ),
    "gradcheck.note3.lambd": (
        "With λ = 0 there is no penalty to forget, so this demonstration uses λ = {lambd}.",
        "λ = 0 时没有惩罚项可以遗漏，因此本演示使用 λ = {lambd}。",
    ),
    "gradcheck.note4": ("4 · Dropout and gradient checking do not mix", "4 · dropout 与梯度检验不能同时使用"),
    "gradcheck.note4.text": (
        "With dropout every forward pass silences a different random subset of units, so each J(θ ± ε) "
        "is a random sample of the cost, not the function backprop differentiated. Check with "
        "keep_prob = 1 (dropout off), or freeze one dropout mask for the analytic and every numerical "
        "pass; then turn dropout back on for training.",
        "使用 dropout 时，每次前向传播都会随机关闭不同的一组单元，所以每个 J(θ ± ε) 都只是代价函数的一个随机"
        "样本，而不是反向传播所求导的那个函数。检验时请令 keep_prob = 1（关闭 dropout），或者让解析梯度和每次"
        "数值计算都使用同一个固定的 dropout 掩码；检验通过后再打开 dropout 进行训练。",
    ),
    "gradcheck.note4.kp1": (
        "keep_prob is 1 here, so there is no dropout and all three cases pass: lower keep_prob to see the "
        "random masks break the check.",
        "这里 keep_prob 为 1，也就是没有 dropout，三种情况都能通过：调低 keep_prob，就能看到随机掩码让检验失败。",
    ),
    "gradcheck.note5": (
        "5 · Check at initialization, and again after training",
        "5 · 在初始化时检验，训练后再检验一次",
    ),
    "gradcheck.note5.text": (
        "Rarely, backprop is right only while the parameters are near their starting values and goes wrong "
        "once they move. The second implementation below reads W[l] from a copy taken at initialization "
        "(for Wᵀ·dZ and for λ/m·W): checked at initialization it is exactly right and passes; after "
        "training the copy is stale and the check fails. So check once at initialization, train for a "
        "while, and check again.",
        "偶尔会出现这种情况：参数还接近初始值时反向传播是对的，参数变大后就出错了。下面第二种实现在反向传播中"
        "读取的是初始化时保存的 W[l] 副本（用于 Wᵀ·dZ 和 λ/m·W）：在初始化时检验，它完全正确，检验能通过；"
        "训练之后副本已经过时，检验就失败了。所以应当在初始化时检验一次，训练一段时间后再检验一次。",
    ),
    "gradcheck.note5.result": (
        "After {iterations} iterations of gradient descent (train error {train_error:.1%}) the weights moved "
        "by {change:.0%} of their initial norm, and ‖dθ‖ went from {norm_init} to {norm_trained}.",
        "经过 {iterations} 次梯度下降迭代（训练误差 {train_error:.1%}）后，权重的变化量达到其初始范数的 "
        "{change:.0%}，‖dθ‖ 从 {norm_init} 变为 {norm_trained}。",
    ),
    "gradcheck.note5.small_grad": (
        "The correct implementation may now read “look closer”: training shrank the gradient, and the same "
        "round-off is a larger fraction of a smaller dθ. That is not a bug.",
        "正确的实现此时可能显示“需要仔细看看”：训练使梯度变小了，同样的舍入误差在更小的 dθ 中所占比例更大。"
        "这并不是错误。",
    ),
    "gradcheck.note5.diverged": (
        "Training diverged, so there is no trained network to check.",
        "训练发散了，因此没有训练好的网络可供检验。",
    ),
    # --- cases of the §1.14 charts -------------------------------------------------------------
    "gradcheck.case.both": ("penalty in J and in dθ", "J 与 dθ 中都有惩罚项"),
    "gradcheck.case.cost_only": ("penalty in J, not in dθ", "惩罚项在 J 中，dθ 中没有"),
    "gradcheck.case.grad_only": ("penalty in dθ, not in J", "惩罚项在 dθ 中，J 中没有"),
    "gradcheck.case.fresh_masks": ("dropout, new masks for every J", "dropout，每次计算 J 都换新掩码"),
    "gradcheck.case.keep_prob_1": ("keep_prob = 1 (dropout off)", "keep_prob = 1（关闭 dropout）"),
    "gradcheck.case.fixed_mask": ("dropout with one fixed mask", "dropout，使用同一个固定掩码"),
    "gradcheck.case.init.correct": ("at initialization · correct backprop", "初始化时 · 正确的反向传播"),
    "gradcheck.case.init.stale_weights": (
        "at initialization · stale copy of W",
        "初始化时 · 使用过时的 W 副本",
    ),
    "gradcheck.case.trained.correct": ("after training · correct backprop", "训练后 · 正确的反向传播"),
    "gradcheck.case.trained.stale_weights": (
        "after training · stale copy of W",
        "训练后 · 使用过时的 W 副本",
    ),
    # --- chart labels (gradcheck.chart.*) ------------------------------------------------------
    "gradcheck.chart.scale_title": ("Where this check lands", "本次检验的位置"),
    "gradcheck.chart.band_ok": ("fine", "没问题"),
    "gradcheck.chart.band_check": ("look closer", "仔细看看"),
    "gradcheck.chart.band_bug": ("likely a bug", "很可能有错"),
    "gradcheck.chart.this_check": ("this check", "本次检验"),
    "gradcheck.chart.difference": ("relative difference", "相对差异"),
    "gradcheck.chart.blocks_title": ("Relative difference by block", "各分块的相对差异"),
    "gradcheck.chart.block": ("block of θ", "θ 的分块"),
    "gradcheck.chart.threshold_ok": ("10⁻⁷", "10⁻⁷"),
    "gradcheck.chart.threshold_bug": ("10⁻³", "10⁻³"),
    "gradcheck.chart.look_here": ("look here", "看这里"),
    "gradcheck.chart.verdict_ok": ("fine", "没问题"),
    "gradcheck.chart.verdict_check": ("look closer", "仔细看看"),
    "gradcheck.chart.verdict_bug": ("likely a bug", "很可能有错"),
    "gradcheck.chart.params_title": (
        "Every component of θ: backprop against the numerical estimate",
        "θ 的每个分量：反向传播与数值估计的对比",
    ),
    "gradcheck.chart.analytic": ("dθ (backprop)", "dθ（反向传播）"),
    "gradcheck.chart.numeric": ("dθ_approx (two-sided)", "dθ_approx（双边差分）"),
    "gradcheck.chart.gap": ("|dθ_approx − dθ|", "|dθ_approx − dθ|"),
    "gradcheck.chart.component": ("component i of θ", "θ 的第 i 个分量"),
    "gradcheck.chart.value": ("value", "数值"),
    "gradcheck.chart.exact": ("0 (identical) drawn at the bottom", "0（完全相同）画在底部"),
    "gradcheck.chart.cases_title": ("Relative difference per case", "各情况的相对差异"),
    "gradcheck.chart.cost_title": ("Wall time on this machine", "本机上的实际耗时"),
    "gradcheck.chart.ms": ("milliseconds (log scale)", "毫秒（对数刻度）"),
    "gradcheck.chart.step": ("one training step", "一步训练"),
    "gradcheck.chart.loop": ("one check, loop", "一次检验（循环）"),
    "gradcheck.chart.batched": ("one check, batched", "一次检验（批量）"),
}
