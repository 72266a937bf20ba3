"""Strings of the data upload and the CSV downloads: {key: (English, 中文)}."""

STRINGS = {
    # ---- widget
    "upload.intro": (
        "Upload your own 2-D data as a CSV file with a header line and exactly three columns: "
        "**x1** and **x2** (the two features) and **y** (the label, two classes such as 0/1 or -1/1). "
        "At most {max_rows} rows and {max_kb} KB.",
        "以 CSV 文件上传你自己的二维数据：第一行是表头，且恰好有三列——**x1** 和 **x2**（两个特征）"
        "以及 **y**（标签，两个类别，例如 0/1 或 -1/1）。最多 {max_rows} 行、{max_kb} KB。",
    ),
    "upload.label": ("Your data (CSV)", "你的数据（CSV）"),
    "upload.help": (
        "Header names are not case-sensitive. Labels are mapped so that the smaller value becomes "
        "class 0 and the larger class 1. Your data stays in this browser session only.",
        "表头不区分大小写。标签会被映射：较小的值为类别 0，较大的值为类别 1。"
        "你的数据只保存在当前浏览器会话中。",
    ),
    "upload.example": ("Download an example CSV", "下载示例 CSV"),
    "upload.example.help": (
        "A small two-moons data set in the expected format, to see the layout or to edit.",
        "一个格式正确的小型双月牙数据集，可用来查看格式或在其基础上修改。",
    ),
    "upload.forget": ("Forget my data", "删除我的数据"),
    "upload.forget.help": (
        "Remove the uploaded data from this session; pages go back to the generated data sets.",
        "从当前会话中移除已上传的数据；各页面将改回使用生成的数据集。",
    ),
    "upload.forgotten": ("Your data was removed from this session.", "你的数据已从当前会话中移除。"),
    "upload.in_use": (
        "Your data is loaded: {rows} points ({n0} in class 0, {n1} in class 1). "
        "Choose “{option}” as a page's data set to train on it.",
        "你的数据已载入：共 {rows} 个点（类别 0 有 {n0} 个，类别 1 有 {n1} 个）。"
        "在页面的数据集选项中选择“{option}”即可用它训练。",
    ),
    "upload.unnamed_column": ("(unnamed)", "（无名称）"),
    # ---- outcome of an upload
    "upload.success": (
        "Loaded {name}: {rows} points, {n0} in class 0 and {n1} in class 1.",
        "已载入 {name}：共 {rows} 个点，类别 0 有 {n0} 个，类别 1 有 {n1} 个。",
    ),
    "upload.success.mapped": (
        "Labels were mapped: {low} → class 0, {high} → class 1.",
        "标签已映射：{low} → 类别 0，{high} → 类别 1。",
    ),
    "upload.failed": ("Could not use {name}:", "无法使用 {name}："),
    "upload.kept_previous": (
        "Your previous data ({rows} points) is still in use.",
        "之前上传的数据（{rows} 个点）仍在使用中。",
    ),
    # ---- errors, one per kind of bad file
    "upload.error.empty": ("The file is empty.", "文件是空的。"),
    "upload.error.too_large": (
        "The file is {size_kb} KB, more than the limit of {max_kb} KB.",
        "文件大小为 {size_kb} KB，超过了 {max_kb} KB 的上限。",
    ),
    "upload.error.binary": (
        "This is not a text file (it contains binary data — an Excel workbook or an image, for example). "
        "Save your table as CSV and upload that file.",
        "这不是文本文件（其中含有二进制数据，例如 Excel 工作簿或图片）。请把表格另存为 CSV 后再上传。",
    ),
    "upload.error.encoding": (
        "The file is not valid UTF-8 text (the first bad character is on line {line}). "
        "Save it as “CSV UTF-8” and try again.",
        "文件不是有效的 UTF-8 文本（第一个无法识别的字符在第 {line} 行）。请另存为“CSV UTF-8”格式后重试。",
    ),
    "upload.error.not_csv": (
        "The file could not be read as a CSV table. Check that it is plain comma-separated text "
        "and that every quotation mark (\") is closed.",
        "无法把文件读取为 CSV 表格。请确认它是以逗号分隔的纯文本，并且每个引号（\"）都已闭合。",
    ),
    "upload.error.bad_line": (
        "Line {line} has {found} fields, but the header has {expected}. Each line needs exactly "
        "one value for x1, x2 and y.",
        "第 {line} 行有 {found} 个字段，但表头只有 {expected} 个。每一行都应恰好包含 x1、x2、y 三个值。",
    ),
    "upload.error.no_header": (
        "The first line ({found}) looks like data, not a header. "
        "Add the line x1,x2,y at the top of the file.",
        "第一行（{found}）看起来是数据而不是表头。请在文件开头加上一行 x1,x2,y。",
    ),
    "upload.error.missing_columns": (
        "Missing column(s): {missing}. The file needs exactly the columns x1, x2 and y (found: {found}).",
        "缺少列：{missing}。文件必须恰好包含 x1、x2、y 这三列（实际找到：{found}）。",
    ),
    "upload.error.extra_columns": (
        "Unexpected column(s): {extra}. The file must have only the columns x1, x2 and y; remove the others.",
        "存在多余的列：{extra}。文件只能包含 x1、x2、y 这三列，请删除其他列。",
    ),
    "upload.error.duplicate_columns": (
        "The column {column} appears more than once in the header.",
        "表头中的 {column} 列出现了不止一次。",
    ),
    "upload.error.no_rows": (
        "The file has a header but no data rows.",
        "文件只有表头，没有数据行。",
    ),
    "upload.error.too_many_rows": (
        "The file has {rows} data rows; at most {max_rows} are allowed.",
        "文件有 {rows} 行数据，最多只允许 {max_rows} 行。",
    ),
    "upload.error.not_numeric": (
        "Column {column} contains something that is not a number: {value} on line {line} "
        "({rows} row(s) affected in all).",
        "{column} 列中有不是数字的内容：第 {line} 行的 {value}（共有 {rows} 行受影响）。",
    ),
    "upload.error.empty_cells": (
        "{rows} row(s) have empty or missing cells (the first is on line {line}, column {column}). "
        "Fill them in or delete those rows.",
        "有 {rows} 行存在空白或缺失的单元格（第一处在第 {line} 行的 {column} 列）。请补全或删除这些行。",
    ),
    "upload.error.nan": (
        "{rows} row(s) contain NaN, which is not a usable number (the first is on line {line}, "
        "column {column}).",
        "有 {rows} 行含有 NaN（非数值），无法使用（第一处在第 {line} 行的 {column} 列）。",
    ),
    "upload.error.inf": (
        "{rows} row(s) contain an infinite value (the first is on line {line}, column {column}).",
        "有 {rows} 行含有无穷大的值（第一处在第 {line} 行的 {column} 列）。",
    ),
    "upload.error.labels_not_binary": (
        "Column y must hold exactly two classes, but it has {count} different values ({values}).",
        "y 列必须恰好包含两个类别，但其中有 {count} 种不同的取值（{values}）。",
    ),
    "upload.error.single_class": (
        "All {rows} rows have the same label ({value}); a classifier needs examples of two classes.",
        "全部 {rows} 行的标签都相同（{value}）；训练分类器需要两个类别的样本。",
    ),
    "upload.error.class_too_small": (
        "Class {value} has only {count} row(s); each class needs at least {min} rows.",
        "类别 {value} 只有 {count} 行；每个类别至少需要 {min} 行。",
    ),
    "upload.error.invalid": (
        "The data could not be used: {reason}",
        "数据无法使用：{reason}",
    ),
    # ---- downloads
    "upload.download_history": ("Download the training history (CSV)", "下载训练记录（CSV）"),
    "upload.download_history.help": (
        "One row per recorded iteration: the costs, error rates and weight and gradient norms.",
        "每个记录的迭代占一行：包括代价、错误率以及权重和梯度的范数。",
    ),
}
