"""Strings of the §1.12 numerical gradients page: {key: (English, 中文)}."""

STRINGS = {
    "numerical_grad.intro": (
        "Backpropagation hands you a formula for every derivative, and a formula can be wrong in ways "
        "that still let training run. The most direct way to catch that is to go back to what a "
        "derivative means: nudge the input a little and watch how much the output moves. This page "
        "does exactly that for a single function f(θ), so you can see how the nudge ε should be taken "
        "— on one side of θ or on both — and how small it can usefully be before the computer's "
        "finite precision spoils the answer.",
        "反向传播为每个导数给出一个公式，而公式即使写错了，训练往往也照样能跑起来。要发现这种错误，最直接的办法"
        "是回到导数的本意：把输入轻轻推动一点，看输出变化多少。本页就在单个函数 f(θ) 上做这件事，让你看到这个"
        "微小的推动 ε 应该怎么取——只取 θ 的一侧还是两侧都取——以及 ε 能小到什么程度，再小下去计算机的有限精度"
        "就会把结果毁掉。",
    ),
    "numerical_grad.ctl.func": ("Function f(θ)", "函数 f(θ)"),
    "numerical_grad.ctl.func.help": (
        "The function whose derivative is approximated; θ³ is the lecture's example.",
        "要近似其导数的函数；θ³ 是课程中的例子。",
    ),
    "numerical_grad.ctl.theta": ("Point θ", "位置 θ"),
    "numerical_grad.ctl.theta.help": (
        "Where the derivative f′(θ) is estimated.",
        "在哪一点估计导数 f′(θ)。",
    ),
    "numerical_grad.ctl.epsilon": ("Step ε", "步长 ε"),
    "numerical_grad.ctl.epsilon.help": (
        "How far θ is nudged. The lecture uses ε = 0.01 at θ = 1.",
        "θ 被推动的距离。课程中在 θ = 1 处取 ε = 0.01。",
    ),
    "opt.cube": ("θ³ (the lecture's example)", "θ³（课程中的例子）"),
    "opt.square": ("θ²", "θ²"),
    "opt.sin": ("sin θ", "sin θ"),
    "opt.exp": ("e^θ", "e^θ"),
    "opt.log": ("ln θ (θ > 0 only)", "ln θ（仅限 θ > 0）"),
    "numerical_grad.secants": ("Secants on the curve", "曲线上的割线"),
    "numerical_grad.secants.text": (
        "The one-sided quotient is the slope of the line through θ and θ + ε; the two-sided quotient "
        "is the slope of the line through θ − ε and θ + ε, the wide triangle that straddles θ. On the "
        "left both look almost like the tangent. On the right the tangent line has been subtracted and "
        "the horizontal axis is measured in units of ε: what is left of each secant is a straight line "
        "whose slope is exactly that quotient's error. Make ε tiny and the curve on the right turns into a "
        "jagged staircase: that is floating-point rounding, the effect that the log-log plot below measures.",
        "单边差商是过 θ 与 θ + ε 两点的直线的斜率；双边差商是过 θ − ε 与 θ + ε 两点的直线的斜率，也就是"
        "横跨 θ 两侧的那个宽三角形。左图中两条割线看起来都和切线几乎重合。右图减去了切线，横轴以 ε 为单位："
        "每条割线剩下的部分是一条直线，其斜率恰好就是该差商的误差。把 ε 调得极小，右图的曲线会变成锯齿状的台阶："
        "那是浮点数的舍入，也正是下方双对数图所度量的效应。",
    ),
    "numerical_grad.metric.true": ("True f′(θ)", "真实导数 f′(θ)"),
    "numerical_grad.metric.one": ("One-sided estimate", "单边估计"),
    "numerical_grad.metric.two": ("Two-sided estimate", "双边估计"),
    "numerical_grad.metric.error": ("error {error}", "误差 {error}"),
    "numerical_grad.metric.ratio": ("One-sided error ÷ two-sided error", "单边误差 ÷ 双边误差"),
    "numerical_grad.domain": (
        "θ ± ε leaves the domain of this function (ln θ needs θ − ε > 0). Move θ to the right or "
        "choose a smaller ε.",
        "θ ± ε 超出了该函数的定义域（ln θ 要求 θ − ε > 0）。请把 θ 往右移，或选一个更小的 ε。",
    ),
    "numerical_grad.domain_loglog": (
        "At this θ no step in the plotted range keeps θ ± ε inside the domain, so there is no error "
        "curve to draw. Move θ to the right.",
        "在这个 θ 处，图中范围内没有任何步长能让 θ ± ε 留在定义域内，因此无法画出误差曲线。请把 θ 往右移。",
    ),
    "numerical_grad.domain_partial": (
        "The largest steps would leave the domain of ln at this θ, so the curve starts at ε = {eps}.",
        "在这个 θ 处，较大的步长会超出 ln 的定义域，因此曲线从 ε = {eps} 开始。",
    ),
    "numerical_grad.loglog": (
        "Error against ε, from 10⁻¹ down to 10⁻¹²",
        "误差随 ε 的变化：从 10⁻¹ 到 10⁻¹²",
    ),
    "numerical_grad.loglog.text": (
        "Both axes are logarithmic, so an error proportional to εᵖ is a straight line of slope p. For "
        "large ε the one-sided error falls like ε (slope 1) and the two-sided error like ε² (slope 2): "
        "every tenfold smaller step makes it a hundred times smaller. That cannot go on for ever. "
        "f(θ + ε) and f(θ − ε) are stored with about 16 significant digits; when they agree in most of "
        "those digits, their difference is mostly rounding noise, and dividing by a tiny ε magnifies "
        "it. Left of the best ε the error grows again, roughly like 1/ε.",
        "两条坐标轴都是对数刻度，因此与 εᵖ 成正比的误差是一条斜率为 p 的直线。ε 较大时，单边误差按 ε 下降"
        "（斜率 1），双边误差按 ε² 下降（斜率 2）：步长每缩小十倍，误差缩小一百倍。但这不会一直持续下去。"
        "f(θ + ε) 与 f(θ − ε) 只保存约 16 位有效数字；当两者的大部分数字都相同时，它们的差主要是舍入噪声，"
        "再除以一个极小的 ε 就会把噪声放大。在最佳 ε 的左侧，误差重新变大，大致与 1/ε 成正比。",
    ),
    "numerical_grad.summary.slopes": (
        "Measured slopes for 10⁻³ ≤ ε ≤ 10⁻¹: one-sided {one}, two-sided {two}.",
        "在 10⁻³ ≤ ε ≤ 10⁻¹ 范围内测得的斜率：单边 {one}，双边 {two}。",
    ),
    "numerical_grad.summary.best": (
        "Smallest error at ε ≈ {best_two} for the two-sided quotient ({min_two}) and at ε ≈ {best_one} "
        "for the one-sided one.",
        "双边差商在 ε ≈ {best_two} 处误差最小（{min_two}），单边差商在 ε ≈ {best_one} 处最小。",
    ),
    "numerical_grad.summary.roundoff": (
        "Round-off takes over below ε ≈ {best_two}: for ε ≤ 10⁻¹⁰ the two-sided error is back up at "
        "about {median_small}, and there it grows with slope {slope} (≈ −1, like 1/ε).",
        "当 ε 小于约 {best_two} 时，舍入误差占据主导：ε ≤ 10⁻¹⁰ 时双边误差回升到约 {median_small}，并以"
        "斜率 {slope} 增长（约为 −1，即与 1/ε 成正比）。",
    ),
    "numerical_grad.summary.no_roundoff": (
        "Here f(θ) = 0, and f(θ ± ε) are tiny numbers that floating point stores with tiny absolute "
        "errors, so round-off hardly shows. Move θ away from 0 to see it take over.",
        "此处 f(θ) = 0，f(θ ± ε) 都是极小的数，浮点数保存它们时的绝对误差也极小，所以几乎看不到舍入误差。"
        "把 θ 移离 0，就能看到舍入误差占据主导。",
    ),
    "numerical_grad.summary.exact_two": (
        "For a quadratic the two-sided quotient has no truncation error at all — (θ+ε)² − (θ−ε)² = 4θε "
        "exactly — so only round-off is left in its curve.",
        "对二次函数而言，双边差商完全没有截断误差——(θ+ε)² − (θ−ε)² 恰好等于 4θε——因此它的曲线里只剩下"
        "舍入误差。",
    ),
    "numerical_grad.summary.flat": (
        "A slope of about 2 for the one-sided quotient means f″(θ) = 0 here, so its usual O(ε) term "
        "vanishes; try another θ to see slope 1.",
        "单边差商的斜率约为 2，说明此处 f″(θ) = 0，它通常的 O(ε) 误差项消失了；换一个 θ 就能看到斜率 1。",
    ),
    "numerical_grad.takeaway": (
        "**Take-away.** For the same two function evaluations per parameter, the two-sided quotient is "
        "far more accurate, which is why gradient checking uses it. An ε around 10⁻⁷ (the lecture's "
        "choice for gradient checking) sits near the bottom of the two-sided curve for most functions: "
        "small enough that the O(ε²) truncation is negligible, large enough that round-off has not "
        "yet taken over.",
        "**要点。** 同样是对每个参数计算两次函数值，双边差商要精确得多，所以梯度检验使用它。对大多数函数来说，"
        "ε 取 10⁻⁷ 左右（课程在梯度检验中的取值）正好落在双边误差曲线的底部附近：小到 O(ε²) 的截断误差可以"
        "忽略，又大到舍入误差还没有占据主导。",
    ),
    "numerical_grad.formula": ("The two quotients and their errors", "两种差商及其误差"),
    "numerical_grad.formula.text": (
        "Expanding f around θ (Taylor) shows why: the one-sided quotient keeps the f″ term, while in the "
        "two-sided quotient the even terms cancel and the first error term is the f‴ one.",
        "把 f 在 θ 处展开（泰勒展开）就能看出原因：单边差商保留了 f″ 项；而在双边差商中偶数阶项相互抵消，第一个"
        "误差项来自 f‴。",
    ),
    # figure labels (numerical_grad.chart.*)
    "numerical_grad.chart.curve_title": ("f(θ) with the tangent and both secants", "f(θ) 及其切线与两条割线"),
    "numerical_grad.chart.residual_title": (
        "After subtracting the tangent (x in units of ε)",
        "减去切线之后（横轴以 ε 为单位）",
    ),
    "numerical_grad.chart.f": ("f", "f"),
    "numerical_grad.chart.tangent": ("tangent, slope f′(θ)", "切线，斜率 f′(θ)"),
    "numerical_grad.chart.one_sided": ("one-sided secant", "单边割线"),
    "numerical_grad.chart.two_sided": ("two-sided secant", "双边割线"),
    "numerical_grad.chart.points": ("θ − ε, θ, θ + ε", "θ − ε、θ、θ + ε"),
    "numerical_grad.chart.x": ("θ", "θ"),
    "numerical_grad.chart.y": ("f(θ)", "f(θ)"),
    "numerical_grad.chart.u": ("(x − θ) / ε", "(x − θ) / ε"),
    "numerical_grad.chart.residual": ("minus the tangent line", "减去切线后的值"),
    "numerical_grad.chart.loglog_title": ("Approximation error against ε", "近似误差随 ε 的变化"),
    "numerical_grad.chart.epsilon": ("step ε", "步长 ε"),
    "numerical_grad.chart.error": ("|estimate − f′(θ)|", "|估计值 − f′(θ)|"),
    "numerical_grad.chart.one_error": ("one-sided error", "单边误差"),
    "numerical_grad.chart.two_error": ("two-sided error", "双边误差"),
    "numerical_grad.chart.slope1": ("slope 1: O(ε)", "斜率 1：O(ε)"),
    "numerical_grad.chart.slope2": ("slope 2: O(ε²)", "斜率 2：O(ε²)"),
    "numerical_grad.chart.roundoff": ("round-off ≈ u·(|f| + |θf′|)/ε", "舍入误差 ≈ u·(|f| + |θf′|)/ε"),
    "numerical_grad.chart.roundoff_region": ("round-off takes over", "舍入误差占主导"),
    "numerical_grad.chart.current": ("your ε", "当前 ε"),
    "numerical_grad.chart.exact_zero": (
        "{n} errors of exactly 0 are not drawn (no point on a log axis)",
        "有 {n} 个误差恰好为 0，未画出（对数坐标上无法表示）",
    ),
}
