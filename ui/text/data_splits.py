"""Strings of the §1.1 train/dev/test page: {key: (English, 中文)}."""

STRINGS = {
    # ---- explanation
    "data_splits.intro": (
        "Before training anything, decide how to divide the examples you have. The **training set** is what "
        "gradient descent learns from. The **dev set** (also called the hold-out or cross-validation set) is "
        "where you compare ideas — network sizes, λ, learning rates — and keep the best one. The **test set** is "
        "used once, at the end, to give an unbiased estimate of how the chosen model will do. Applied deep "
        "learning is a loop of idea → code → experiment, turned many times; a sensible split makes every turn "
        "quicker and its conclusions more trustworthy.",
        "在训练任何模型之前，先要决定如何划分手头的样本。**训练集**供梯度下降学习；**验证集**（dev set，也叫留出集或"
        "交叉验证集）用来比较各种想法——网络规模、λ、学习率——并留下最好的一个；**测试集**只在最后使用一次，"
        "对所选模型的真实表现给出无偏估计。应用深度学习是“想法 → 编码 → 实验”的反复循环，合理的划分能让每一轮"
        "循环更快，得出的结论也更可信。",
    ),
    "data_splits.sizes": ("How big should each set be?", "每个集合应该多大？"),
    "data_splits.sizes.text": (
        "With a few hundred or a few thousand examples, the old rules of thumb — 70/30, or 60/20/20 — are "
        "reasonable. With a million examples they waste data: a dev set only has to be big enough to tell a "
        "handful of candidate models apart, and a test set big enough to pin down the final error. That takes a "
        "certain *number* of examples, not a certain share, so the held-out share shrinks as the data grows: "
        "98/1/1, or even 99.5/0.25/0.25. Choose a size and a split, then read the counts and how precise an "
        "error measured on that many examples is.",
        "只有几百或几千个样本时，过去的经验比例——70/30 或 60/20/20——是合理的。样本达到一百万时，这些比例就浪费"
        "数据了：验证集只需大到能区分几个候选模型，测试集只需大到能把最终误差估计准确。做到这一点需要的是一定*数量*"
        "的样本，而不是一定的比例，所以数据越多，留出部分所占的比例就越小：98/1/1，甚至 99.5/0.25/0.25。选择数据"
        "规模和划分方式，再看看各个集合的样本数，以及在这么多样本上测得的误差有多精确。",
    ),
    "data_splits.count.train": ("Training examples", "训练样本"),
    "data_splits.count.dev": ("Dev examples", "验证样本"),
    "data_splits.count.test": ("Test examples", "测试样本"),
    "data_splits.no_test": ("none — no test set", "无——没有测试集"),
    "data_splits.share": ("{share} of the data", "占全部数据的 {share}"),
    "data_splits.custom_scaled": (
        "The dev and test shares together left less than 20% for training, so both were scaled down to leave "
        "20%.",
        "验证集和测试集合计所占比例使训练集不足 20%，因此两者已按比例缩小，为训练集留出 20%。",
    ),
    "data_splits.custom_hint": (
        "The dev and test percentages apply to the custom split; a test share of 0 means no test set.",
        "验证集和测试集的百分比只用于自定义划分；测试集比例为 0 表示不设测试集。",
    ),
    # ---- precision
    "data_splits.precision": ("How precise is a dev or test estimate?", "验证集或测试集上的估计有多精确？"),
    "data_splits.precision.text": (
        "An error rate measured on n examples is a count of mistakes divided by n, so a different sample of the "
        "same size would give a slightly different number. Its 95% interval narrows like 1/√n: ten times more "
        "examples make it about three times tighter. The curves show the ± for a model whose true error is "
        "about {p}; the dots are your dev and test sets.",
        "在 n 个样本上测得的错误率，就是分错的个数除以 n；换一批同样多的样本，得到的数字会略有不同。它的 95% 区间"
        "按 1/√n 收窄：样本多十倍，区间大约窄三倍。曲线给出真实错误率约为 {p} 的模型的“±”范围；圆点是你的验证集"
        "和测试集。",
    ),
    "data_splits.precision.formula": (
        "The dotted curve is the textbook normal approximation below. The solid one is the Wilson interval, "
        "which the numbers on this page use: it stays honest for small sets and for errors near 0, where the "
        "normal approximation shrinks to nothing.",
        "虚线是下面这个教科书上的正态近似公式；实线是 Wilson 区间，本页的数字都用它计算：在样本很少或错误率接近 0 "
        "时它依然可靠，而正态近似此时会缩成零宽度。",
    ),
    "data_splits.precision.dev": (
        "A {p} error measured on the **{n}** dev examples is known to within **±{hw} points** (95%). Two "
        "models whose errors differ by less than about that cannot be ranked reliably on this dev set.",
        "在 **{n}** 个验证样本上测得的 {p} 错误率，其 95% 区间为 **±{hw} 个百分点**。误差相差小于这个量级的两个"
        "模型，无法用这个验证集可靠地分出高下。",
    ),
    "data_splits.precision.test": (
        "On the **{n}** test examples the final error is known to within **±{hw} points**.",
        "在 **{n}** 个测试样本上，最终误差的 95% 区间为 **±{hw} 个百分点**。",
    ),
    "data_splits.precision.small": (
        "Only {n} dev examples: a measured error is uncertain by ±{hw} points — too coarse to compare models.",
        "只有 {n} 个验证样本：测得的误差有 ±{hw} 个百分点的不确定性——太粗糙，无法用来比较模型。",
    ),
    "data_splits.needed": ("Examples needed for a {p} error", "测量 {p} 错误率所需的样本数"),
    "data_splits.needed.precision": ("± of the 95% interval, points", "95% 区间的 ±，百分点"),
    "data_splits.needed.examples": ("examples needed", "所需样本数"),
    "data_splits.needed.row": ("±{margin}", "±{margin}"),
    # ---- mismatch
    "data_splits.mismatch": (
        "When dev and test come from another distribution",
        "当验证集和测试集来自另一种分布",
    ),
    "data_splits.mismatch.text": (
        "Suppose the training pictures are scraped from the web, but the app will see pictures that users take "
        "with their phones. Here the “web” data is a 2-D set and the “phone” data is the same set changed by a "
        "shift — blurred, tilted or zoomed. Five networks of different sizes are trained on web data only; the "
        "one with the lowest dev error is picked, and its test error shows how it really does. Choose where the "
        "dev and test sets come from and compare.",
        "假设训练图片是从网上抓取的，而应用将要处理的是用户用手机拍的照片。这里“网络图片”是一个二维数据集，“手机"
        "照片”是同一数据集经过某种偏移（变模糊、倾斜或缩放）后的样子。五个规模不同的网络都只用网络图片训练；选出"
        "验证误差最低的那个，再看它的测试误差，就知道它的真实表现。选择验证集和测试集的来源，比较一下结果。",
    ),
    "data_splits.mismatch.rule": (
        "Rule of thumb: make sure the dev and test sets come from **the same distribution** — the one you "
        "care about, here the phone pictures. The training set may come from elsewhere if that buys much more "
        "data.",
        "经验法则：确保验证集和测试集来自**同一分布**——你真正关心的那个分布，这里就是手机照片。为了获得多得多的"
        "数据，训练集可以来自别处。",
    ),
    "data_splits.mismatch.sizes": (
        "Trained on {train} examples (at most 500 — the counts above are computed, not trained on) and "
        "evaluated on {dev} dev and {test} test examples (between 4 and 2,000 each).",
        "训练只用了 {train} 个样本（最多 500 个——上面的样本数是计算出来的，并没有真的在那么多样本上训练），"
        "并在 {dev} 个验证样本和 {test} 个测试样本上评估（各 4 到 2000 个）。",
    ),
    "data_splits.mismatch.same": (
        "Dev and test share a distribution: the picked network {name} has dev error **{dev}** and test error "
        "**{test}** — the dev set predicted the test error to within {gap} points.",
        "验证集和测试集来自同一分布：被选中的网络 {name} 验证误差为 **{dev}**，测试误差为 **{test}**——验证集对"
        "测试误差的预测只差 {gap} 个百分点。",
    ),
    "data_splits.mismatch.differ": (
        "Dev and test come from different distributions: the picked network {name} scored **{dev}** on dev "
        "but **{test}** on test — off by {gap} points. The dev set was aiming at the wrong target.",
        "验证集和测试集来自不同分布：被选中的网络 {name} 在验证集上是 **{dev}**，在测试集上却是 **{test}**——"
        "相差 {gap} 个百分点。验证集瞄准的是错误的目标。",
    ),
    "data_splits.mismatch.wrong_pick": (
        "The test set would have preferred another network: {best}, with a test error of {best_error}.",
        "按测试集的结果，本应选另一个网络：{best}，其测试误差为 {best_error}。",
    ),
    "data_splits.mismatch.table": ("All four choices at a glance", "四种选择一览"),
    "data_splits.mismatch.col.scenario": ("dev / test from", "验证集 / 测试集来源"),
    "data_splits.mismatch.col.pick": ("picked", "选中"),
    "data_splits.mismatch.col.dev": ("its dev error", "其验证误差"),
    "data_splits.mismatch.col.test": ("its test error", "其测试误差"),
    "data_splits.mismatch.col.gap": ("off by", "相差"),
    "data_splits.boundary_title": ("The picked network {name}", "被选中的网络 {name}"),
    "data_splits.boundary_caption": (
        "Web training data ●, dev ◆ ({dev}) and test ○ ({test}). Up to 300 dev and 300 test points are drawn; "
        "the errors use all of them.",
        "网络图片训练数据 ●，验证集 ◆（{dev}），测试集 ○（{test}）。图中最多画出 300 个验证点和 300 个测试点；"
        "误差是在全部样本上计算的。",
    ),
    "data_splits.test_points": ("test", "测试集"),
    "data_splits.source.web": ("web", "网络图片"),
    "data_splits.source.phone": ("phone", "手机照片"),
    # ---- no test set
    "data_splits.notest": ("Only train and dev: no test set", "只有训练集和验证集：没有测试集"),
    "data_splits.notest.text": (
        "A test set exists to give an unbiased estimate of the final model. If you do not need that number you "
        "can skip it: train on the training set, compare models on the dev set, keep the best. What you give "
        "up: the dev error of the model you kept is no longer unbiased. You chose that model *because* it "
        "scored well on this very dev set, so its score is flattering. (Teams that call such a set their “test "
        "set” are really using it as a dev set.)",
        "测试集的作用，是对最终模型给出无偏的性能估计。如果你不需要这个数字，也可以不设测试集：在训练集上训练，在"
        "验证集上比较模型，留下最好的那个。代价是：留下的这个模型的验证误差不再是无偏的。你正是*因为*它在这个"
        "验证集上得分高才选了它，所以这个分数偏乐观。（有的团队把这样的集合叫作“测试集”，其实是把它当验证集在用。）",
    ),
    "data_splits.notest.result": (
        "This split has no test set. The kept network {name} has dev error **{dev}**; on {n} new examples "
        "from the dev distribution — a number you would not have — its error is **{fresh}**: the dev error was "
        "{gap} points too optimistic, which a separate test set would have revealed.",
        "这种划分没有测试集。留下的网络 {name} 验证误差为 **{dev}**；在 {n} 个来自验证集同一分布的新样本上——你本"
        "来不会有这个数字——它的误差是 **{fresh}**：验证误差乐观了 {gap} 个百分点，而一个独立的测试集本可以揭示"
        "这一点。",
    ),
    "data_splits.notest.close": (
        "This split has no test set. The kept network {name} has dev error **{dev}**; on {n} new examples "
        "from the dev distribution — a number you would not have — its error is **{fresh}**. This time the dev "
        "error happened to be close, but without a test set you could not have known it — and the smaller the "
        "dev set and the more models you compare on it, the more flattering it tends to be.",
        "这种划分没有测试集。留下的网络 {name} 验证误差为 **{dev}**；在 {n} 个来自验证集同一分布的新样本上——你本"
        "来不会有这个数字——它的误差是 **{fresh}**。这一次验证误差碰巧很接近，但没有测试集，你是无法知道这一点的"
        "——而且验证集越小、在它上面比较的模型越多，验证误差往往就越偏乐观。",
    ),
    "data_splits.notest.scenario": (
        "No test set: only where the dev set comes from matters here.",
        "没有测试集：这里只有验证集的来源起作用。",
    ),
    "data_splits.withtest": (
        "This split keeps a test set of {n} examples: the picked model is judged once, on data that played no "
        "part in choosing it, so its test error is unbiased. Switch to 70/30, or set the custom test share to 0, "
        "to see what is lost without one.",
        "这种划分保留了 {n} 个样本的测试集：所选模型只在一份从未参与挑选的数据上评估一次，因此测试误差是无偏的。"
        "切换到 70/30，或把自定义测试集比例设为 0，看看没有测试集会失去什么。",
    ),
    # ---- controls
    "data_splits.ctl.m_total": ("Examples in total", "样本总数"),
    "data_splits.ctl.m_total.help": (
        "From 100 to 1,000,000. Counts and intervals are computed exactly; the demo below trains on a capped "
        "subsample.",
        "从 100 到 1,000,000。样本数和区间是精确计算的；下面的演示只在有上限的子样本上训练。",
    ),
    "data_splits.ctl.split": ("Split (train / dev / test, %)", "划分方式（训练 / 验证 / 测试，%）"),
    "data_splits.ctl.dev_pct": ("Custom dev share (%)", "自定义验证集比例（%）"),
    "data_splits.ctl.test_pct": ("Custom test share (%)", "自定义测试集比例（%）"),
    "data_splits.ctl.p_error": ("Error rate being measured", "被测量的错误率"),
    "data_splits.ctl.p_error.help": (
        "The true error of the model you evaluate; the interval is widest at 50%.",
        "被评估模型的真实错误率；在 50% 时区间最宽。",
    ),
    "data_splits.ctl.mm_scenario": ("Where dev and test come from", "验证集和测试集的来源"),
    "data_splits.ctl.mm_kind": ("How phone pictures differ", "手机照片的差别"),
    "data_splits.ctl.mm_amount": ("Size of the difference", "差别的大小"),
    "data_splits.ctl.mm_dataset": ("Data set of the demo", "演示用的数据集"),
    "opt.70_30": ("70 / 30 (no test set)", "70 / 30（无测试集）"),
    "opt.60_20_20": ("60 / 20 / 20", "60 / 20 / 20"),
    "opt.98_1_1": ("98 / 1 / 1", "98 / 1 / 1"),
    "opt.99.5_0.25_0.25": ("99.5 / 0.25 / 0.25", "99.5 / 0.25 / 0.25"),
    "opt.custom_split": ("custom", "自定义"),
    "opt.test_phone_only": ("train & dev: web · test: phone", "训练和验证：网络图片 · 测试：手机照片"),
    "opt.dev_test_phone": ("train: web · dev & test: phone", "训练：网络图片 · 验证和测试：手机照片"),
    "opt.no_shift": ("everything from the web", "全部来自网络图片"),
    "opt.dev_phone_only": ("train & test: web · dev: phone", "训练和测试：网络图片 · 验证：手机照片"),
    "opt.blur": ("blurrier (noise)", "更模糊（加噪声）"),
    "opt.tilt": ("tilted (rotated)", "倾斜（旋转）"),
    "opt.zoom": ("zoomed (scaled)", "缩放"),
    # ---- figure labels (ui.figures.data_splits)
    "data_splits.fig.counts_title": ("Examples in each set", "各集合的样本数"),
    "data_splits.fig.count_axis": ("examples (log scale)", "样本数（对数坐标）"),
    "data_splits.fig.train": ("train", "训练集"),
    "data_splits.fig.dev": ("dev", "验证集"),
    "data_splits.fig.test": ("test", "测试集"),
    "data_splits.fig.count_text": ("{count} ({share})", "{count} ({share})"),
    "data_splits.fig.precision_title": (
        "How precise is an error measured on n examples?",
        "在 n 个样本上测得的误差有多精确？",
    ),
    "data_splits.fig.size_axis": (
        "examples in the dev or test set, n (log scale)",
        "验证集或测试集的样本数 n（对数坐标）",
    ),
    "data_splits.fig.halfwidth_axis": (
        "± of the 95% interval, points (log scale)",
        "95% 区间的 ±，百分点（对数坐标）",
    ),
    "data_splits.fig.wilson": ("Wilson interval", "Wilson 区间"),
    "data_splits.fig.normal": ("normal approximation", "正态近似"),
    "data_splits.fig.mark_text": ("{name}: n = {n} → ±{hw}", "{name}: n = {n} → ±{hw}"),
    "data_splits.fig.candidates_title": (
        "Candidates: dev error and test error",
        "候选网络：验证误差与测试误差",
    ),
    "data_splits.fig.candidate_axis": ("candidate network (hidden layers)", "候选网络（隐藏层）"),
    "data_splits.fig.error_axis": ("error rate", "错误率"),
    "data_splits.fig.dev_error": ("dev error ({source})", "验证误差（{source}）"),
    "data_splits.fig.test_error": ("test error ({source})", "测试误差（{source}）"),
    "data_splits.fig.fresh_error": ("error on new examples ({source})", "新样本上的误差（{source}）"),
    "data_splits.fig.picked": ("picked on dev", "按验证集选中"),
    "data_splits.fig.best_test": ("best on test", "测试集上最好"),
    "data_splits.fig.best_fresh": ("best on new examples", "新样本上最好"),
}
