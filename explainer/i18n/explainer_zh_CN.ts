<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>explainer</name>
        <message>
            <location filename="../../explainer/architectures.py" line="292" />
            <source>the feature maps would hold {n} numbers per image, more than the {max} a model file allows; use fewer channels or more pooling</source>
            <translation>特征图每张图像会有 {n} 个数，超过了模型文件允许的 {max} 个；请减少通道或增加池化</translation>
        </message>
        <message>
            <location filename="../../explainer/architectures.py" line="440" />
            <source>{name}: its {k}x{k} kernel is larger than its input {h}x{w} padded to {ph}x{pw} (padding {pad}); use fewer blocks, a smaller kernel, more padding or stride 1</source>
            <translation>{name}：它的 {k}x{k} 卷积核比输入还大（输入 {h}x{w}，填充 {pad} 后为 {ph}x{pw}）；请减少卷积块，或用更小的卷积核、更多的填充、步幅 1</translation>
        </message>
        <message>
            <location filename="../../explainer/architectures.py" line="451" />
            <source>{name}: its {size}x{size} window does not fit its {h}x{w} input; use fewer blocks, a smaller pool size, stride 1 or no pooling</source>
            <translation>{name}：它的 {size}x{size} 池化窗口放不进 {h}x{w} 的输入；请减少卷积块，或用更小的池化尺寸、步幅 1、不用池化</translation>
        </message>
        <message>
            <location filename="../../explainer/architectures.py" line="464" />
            <source>{name}: Flatten gives {n} numbers, more than the {max} inputs a dense layer may have; add pooling, a block or a larger stride</source>
            <translation>{name}：展平后有 {n} 个数，超过了全连接层最多允许的 {max} 个输入；请增加池化、卷积块或更大的步幅</translation>
        </message>
        <message>
            <location filename="../../explainer/data/dataset.py" line="142" />
            <source>{name} has no bundled sample images</source>
            <translation>{name} 没有随附的样本图像</translation>
        </message>
        <message>
            <location filename="../../explainer/data/dataset.py" line="153" />
            <source>{name} has no bundled model: train one on the Train page or open a model file</source>
            <translation>{name} 没有随附的模型：请在“训练”页训练一个，或打开一个模型文件</translation>
        </message>
        <message>
            <location filename="../../explainer/data/mnist.py" line="89" />
            <source>{path}: not an IDX file, wrong magic number {magic}</source>
            <translation>{path}：不是 IDX 文件，魔数 {magic} 不对</translation>
        </message>
        <message>
            <location filename="../../explainer/data/mnist.py" line="161" />
            <source>{directory}: no MNIST file {name} found</source>
            <translation>{directory}：找不到 MNIST 文件 {name}</translation>
        </message>
        <message>
            <location filename="../../explainer/data/mnist.py" line="181" />
            <source>{directory}: MNIST directory does not exist</source>
            <translation>{directory}：MNIST 文件夹不存在</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="171" />
            <source>{directory}: these images were read from {source}</source>
            <translation>{directory}：这些图像是从 {source} 读取的</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="258" />
            <source>{path}: not a folder</source>
            <translation>{path}：不是文件夹</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="262" />
            <source>{path}: needs at least 2 class folders (one subfolder per class), found {count}{names}</source>
            <translation>{path}：至少需要 2 个类别文件夹（每个类别一个子文件夹），只找到 {count} 个{names}</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="271" />
            <source>{path}: {count:,} files, more than the {limit:,} images a data set may have</source>
            <translation>{path}：有 {count:,} 个文件，超过了一个数据集最多可有的 {limit:,} 张图像</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="277" />
            <source>{path}: not in a class folder</source>
            <translation>{path}：不在任何类别文件夹中</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="286" />
            <source>{path}: not an image file (by its name)</source>
            <translation>{path}：不是图像文件（从文件名判断）</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="300" />
            <source>{path}: class folders without a usable image: {names} (files that cannot be used: {lost})</source>
            <translation>{path}：这些类别文件夹里没有可用的图像：{names}（无法使用的文件：{lost}）</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="306" />
            <source>{path}: class folders without a usable image: {names}</source>
            <translation>{path}：这些类别文件夹里没有可用的图像：{names}</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="340" />
            <source>{path}: expected images (N, H, W), got {dtype} {shape}</source>
            <translation>{path}：应为图像 (N, H, W)，实际为 {dtype} {shape}</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="347" />
            <source>{path}: expected {count} integer labels, got {dtype} {shape}</source>
            <translation>{path}：应为 {count} 个整数标签，实际为 {dtype} {shape}</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="355" />
            <source>{path}: {count:,} images, more than the {limit:,} a data set may have</source>
            <translation>{path}：有 {count:,} 张图像，超过了一个数据集最多可有的 {limit:,} 张</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="363" />
            <source>{path}: needs at least 2 classes, but every label is {label}</source>
            <translation>{path}：至少需要 2 个类别，但所有标签都是 {label}</translation>
        </message>
        <message>
            <location filename="../../explainer/data/own.py" line="416" />
            <source>{path}: several sets of IDX files ({prefixes}) and none named train</source>
            <translation>{path}：有几组 IDX 文件（{prefixes}），但没有一组名为 train</translation>
        </message>
        <message>
            <location filename="../../explainer/errors.py" line="38" />
            <source>{path}: cannot read {kind} file ({reason})</source>
            <translation>{path}：无法读取{kind}文件（{reason}）</translation>
        </message>
        <message>
            <location filename="../../explainer/errors.py" line="55" />
            <source>{path}: does not exist</source>
            <translation>{path}：文件不存在</translation>
        </message>
        <message>
            <location filename="../../explainer/errors.py" line="59" />
            <source>{path}: is a directory ({kind} file expected)</source>
            <translation>{path}：这是一个文件夹（这里需要{kind}文件）</translation>
        </message>
        <message>
            <location filename="../../explainer/errors.py" line="61" />
            <source>{path}: is not a regular file (a pipe, device or socket?); {kind} file expected</source>
            <translation>{path}：不是普通文件（可能是管道、设备或套接字）；这里需要{kind}文件</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="113" />
            <source>MNIST CNN Explainer cannot open a window: no display was found (DISPLAY is not set).
Run it inside a desktop session, start a virtual one with `Xvfb :1 &amp; export DISPLAY=:1`, or run headless with QT_QPA_PLATFORM=offscreen.</source>
            <translation>MNIST CNN Explainer 无法打开窗口：找不到显示器（未设置 DISPLAY）。
请在桌面会话中运行，或用 `Xvfb :1 &amp; export DISPLAY=:1` 启动一个虚拟显示器，或设置 QT_QPA_PLATFORM=offscreen 以无界面方式运行。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="120" />
            <source>MNIST CNN Explainer cannot open a window: Qt's xcb platform needs system libraries that are not installed.
Install them with:

    sudo apt-get install -y {packages}

(On Fedora or Arch, install the matching xcb-util packages, e.g. xcb-util-cursor.)</source>
            <translation>MNIST CNN Explainer 无法打开窗口：Qt 的 xcb 平台需要一些尚未安装的系统库。
请用以下命令安装：

    sudo apt-get install -y {packages}

（在 Fedora 或 Arch 上，请安装对应的 xcb-util 软件包，例如 xcb-util-cursor。）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="138" />
            <source>See how a convolutional network reads your handwriting.</source>
            <translation>看看卷积神经网络如何读懂你的手写数字。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="140" />
            <source>a model file (.npz) to use, not the bundled one</source>
            <translation>要使用的模型文件（.npz），代替自带的模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="142" />
            <source>the folder with the IDX files of the data set in use, for training</source>
            <translation>当前数据集的 IDX 文件所在的文件夹，用于训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="147" />
            <source>print the time from process start to the window's first paint, then quit</source>
            <translation>打印从进程启动到窗口首次绘制所用的时间，然后退出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="171" />
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="64" />
            <source>MNIST CNN Explainer</source>
            <translation>MNIST CNN 可视化讲解</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="213" />
            <source>A background job did not stop in time; quitting without it.</source>
            <translation>后台任务没有及时停止；不再等待，直接退出。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="297" />
            <source>Something went wrong</source>
            <translation>出错了</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="299" />
            <source>An unexpected error happened; the app keeps running.

{summary}</source>
            <translation>发生了意外错误；程序仍在继续运行。

{summary}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="301" />
            <source>Details were saved to {path}</source>
            <translation>详细信息已保存到 {path}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/canvas.py" line="180" />
            <source>Draw with the left mouse button. The right button erases. Ctrl+Z undoes a stroke.</source>
            <translation>用鼠标左键绘画，右键擦除，Ctrl+Z 撤销一笔。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/canvas.py" line="254" />
            <source>Draw here</source>
            <translation>在这里绘画</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/canvas.py" line="354" />
            <source>What the network sees: your drawing or image made into the 28x28 input the network reads, the way its training images were made.</source>
            <translation>网络看到的输入：你的绘画或图片被做成网络读取的 28x28 输入，做法与它的训练图片相同。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/canvas.py" line="367" />
            <source>pixel ({row}, {col}) = {value:.2f}</source>
            <translation>像素 ({row}, {col}) = {value:.2f}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/gallery.py" line="81" />
            <source>Images from the data set's test set, which the network never saw in training. Click one to load it.</source>
            <translation>来自数据集测试集的图像，网络在训练时从未见过。点击即可载入。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/gallery.py" line="108" />
            <source>Test image #{index}, true label {label}. Click to load it.</source>
            <translation>测试图片 #{index}，真实标签 {label}。点击载入。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="79" />
            <source>image</source>
            <translation>图像</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="79" />
            <source>IDX</source>
            <translation>IDX</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="79" />
            <source>model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="89" />
            <source>T-shirt/top</source>
            <translation>T恤/上衣</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="90" />
            <source>Trouser</source>
            <translation>裤子</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="91" />
            <source>Pullover</source>
            <translation>套头衫</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="92" />
            <source>Dress</source>
            <translation>连衣裙</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="93" />
            <source>Coat</source>
            <translation>外套</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="94" />
            <source>Sandal</source>
            <translation>凉鞋</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="95" />
            <source>Shirt</source>
            <translation>衬衫</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="96" />
            <source>Sneaker</source>
            <translation>运动鞋</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="97" />
            <source>Bag</source>
            <translation>包</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="98" />
            <source>Ankle boot</source>
            <translation>短靴</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="227" />
            <source>No installed font can show Chinese characters, so some text may appear as boxes. Install the {package} package and restart the app.</source>
            <translation>系统中没有能显示中文的字体，部分文字可能显示为方框。请安装 {package} 软件包，然后重新启动程序。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="281" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/i18n.py" line="282" />
            <source>Show the app in another language; the choice is remembered</source>
            <translation>切换程序的显示语言；选择会被记住</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="71" />
            <source>Space: play / pause  ·  ← →: one step  ·  Home / End: first / last  ·  hover a map to jump</source>
            <translation>空格：播放 / 暂停  ·  ← →：单步  ·  Home / End：第一步 / 最后一步  ·  鼠标移到图上可跳转</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="76" />
            <source>Draw on the canvas (or pick a sample) to see how this layer computes its output.</source>
            <translation>在画布上绘画（或选一个样本），看看这一层如何计算它的输出。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="196" />
            <source>First step (Home)</source>
            <translation>第一步（Home）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="197" />
            <source>Step back (Left)</source>
            <translation>后退一步（←）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="198" />
            <source>Play / pause (Space)</source>
            <translation>播放 / 暂停（空格）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="199" />
            <source>Step forward (Right)</source>
            <translation>前进一步（→）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="200" />
            <source>Last step (End)</source>
            <translation>最后一步（End）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="203" />
            <source>Drag to move through the steps</source>
            <translation>拖动以逐步浏览</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="204" />
            <source>Animation speed</source>
            <translation>动画速度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="205" />
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="307" />
            <source>{n}/s</source>
            <translation>{n}/秒</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="566" />
            <source>Export as PNG</source>
            <translation>导出为 PNG</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="566" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="574" />
            <source>Export animation</source>
            <translation>导出动画</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="574" />
            <source>GIF animation (*.gif)</source>
            <translation>GIF 动画 (*.gif)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="642" />
            <source>Save PNG…</source>
            <translation>保存 PNG…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="643" />
            <source>Save this view as a PNG image</source>
            <translation>把这个视图保存为 PNG 图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="69" />
            <source>{name} ({kind}): map {channel} of {channels}</source>
            <translation>{name}（{kind}）：第 {channel} 张特征图，共 {channels} 张</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="77" />
            <source>Why a non-linear step</source>
            <translation>为什么需要非线性</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="78" />
            <source>A convolution only multiplies and adds. Two of them in a row are still just one bigger multiply-and-add, so without a bend in between, a deep network would be no better than a single layer. The activation bends the numbers, one pixel at a time, with no weights to learn.</source>
            <translation>卷积只做乘法和加法。两个卷积连在一起仍然只是一个更大的“乘了再加”，所以如果中间没有弯折，再深的网络也不比一层强。激活函数逐个像素地把数值“弯折”一下，它没有需要学习的权重。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="87" />
            <source>ReLU: y = max(0, x)</source>
            <translation>ReLU：y = max(0, x)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="88" />
            <source>ReLU keeps every positive value as it is and replaces every negative value by 0. A positive value says how strongly the kernel's pattern was found; a negative one says 'not here', and ReLU turns that into plain silence.</source>
            <translation>ReLU 保留所有正值，把所有负值替换为 0。正值表示卷积核的图案被找到的强度；负值表示“这里没有”，ReLU 把它变成干脆的沉默。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="99" />
            <source>Leaky ReLU: y = x if x &gt; 0, else α·x</source>
            <translation>Leaky ReLU：x &gt; 0 时 y = x，否则 y = α·x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="100" />
            <source>Leaky ReLU keeps positive values and shrinks negative ones by a small factor α instead of setting them to 0, so a neuron is never completely silent and can still learn.</source>
            <translation>Leaky ReLU 保留正值，把负值乘以一个很小的系数 α，而不是置为 0，因此神经元不会完全沉默，仍然可以学习。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="110" />
            <source>Sigmoid: y = 1 / (1 + e^−x)</source>
            <translation>Sigmoid：y = 1 / (1 + e^−x)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="111" />
            <source>Sigmoid squeezes every value into the range 0 to 1: large negatives end near 0, large positives near 1.</source>
            <translation>Sigmoid 把每个值压缩到 0 到 1 之间：很大的负数接近 0，很大的正数接近 1。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="121" />
            <source>Tanh: y = (e^x − e^−x) / (e^x + e^−x)</source>
            <translation>Tanh：y = (e^x − e^−x) / (e^x + e^−x)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="122" />
            <source>Tanh squeezes every value into the range −1 to 1, keeping its sign.</source>
            <translation>Tanh 把每个值压缩到 −1 到 1 之间，并保留它的符号。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="128" />
            <source>Dropout: y = x when the network is used</source>
            <translation>Dropout：使用网络时 y = x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="129" />
            <source>During training, dropout silences random values so the network cannot rely on any single one. When the network is used, as here, it lets every value through unchanged.</source>
            <translation>训练时，dropout 会随机让一些值归零，使网络不能依赖任何单个值。像这里这样使用网络时，它让所有值原样通过。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="141" />
            <source>y = x, or α·x when x ≤ 0</source>
            <translation>y = x；当 x ≤ 0 时 y = α·x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="154" />
            <source>{x} &gt; 0, so y = x = {y}</source>
            <translation>{x} &gt; 0，所以 y = x = {y}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="155" />
            <source>{x} ≤ 0, so y = α × {x} = {y}</source>
            <translation>{x} ≤ 0，所以 y = α × {x} = {y}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="165" />
            <source>{n} of {total} values were ≤ 0 and became 0 ({pct:.1f} %).</source>
            <translation>{total} 个值中有 {n} 个 ≤ 0，变成了 0（{pct:.1f} %）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="173" />
            <source>Map {clicked} has no negative value, so leaky ReLU leaves it unchanged: shown is map {shown}, where it scales the most values.</source>
            <translation>第 {clicked} 张特征图没有负值，Leaky ReLU 不会改变它：这里显示的是第 {shown} 张特征图，它被缩放的值最多。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="178" />
            <source>Map {clicked} has no value ≤ 0, so ReLU leaves it unchanged: shown is map {shown}, where it zeroes the most values.</source>
            <translation>第 {clicked} 张特征图没有 ≤ 0 的值，ReLU 不会改变它：这里显示的是第 {shown} 张特征图，ReLU 在这里置零的值最多。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="187" />
            <source>{n} of {total} values were negative and were scaled by α ({pct:.1f} %).</source>
            <translation>{total} 个值中有 {n} 个为负，被乘以了 α（{pct:.1f} %）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="194" />
            <source>pixel ({row}, {col})  ·  step {step} of {total}</source>
            <translation>像素 ({row}, {col})  ·  第 {step} 步，共 {total} 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="204" />
            <source>The ReLU mask</source>
            <translation>ReLU 掩码</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="205" />
            <source>ReLU passed positive inputs unchanged (slope 1) and zeroed the rest (slope 0). Backward, the gradient flows through where the input was positive and stops elsewhere: dL/dZ = dL/dA ⊙ 1[Z &gt; 0].</source>
            <translation>ReLU 让正的输入原样通过（斜率 1），其余置零（斜率 0）。反向时，梯度在输入为正的地方流过，在其他地方被截断：dL/dZ = dL/dA ⊙ 1[Z &gt; 0]。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="214" />
            <source>Multiply by the local slope</source>
            <translation>乘以局部斜率</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="215" />
            <source>An element-wise activation scales each gradient by its own derivative at the input it saw: dL/dZ = dL/dA ⊙ g′(Z).</source>
            <translation>逐元素的激活函数会把每个梯度乘以它在对应输入处的导数：dL/dZ = dL/dA ⊙ g′(Z)。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="226" />
            <source>drops {p:.0%} of the values while training</source>
            <translation>训练时丢弃 {p:.0%} 的值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="228" />
            <source>max(0, x)</source>
            <translation>max(0, x)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="229" />
            <source>x, or 0.01·x below 0</source>
            <translation>x；小于 0 时为 0.01·x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="230" />
            <source>tanh(x), between −1 and 1</source>
            <translation>tanh(x)，介于 −1 和 1 之间</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="231" />
            <source>1 / (1 + e^−x), between 0 and 1</source>
            <translation>1 / (1 + e^−x)，介于 0 和 1 之间</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="238" />
            <source>dL/dx = dL/dy ⊙ g′(x).</source>
            <translation>dL/dx = dL/dy ⊙ g′(x)。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="238" />
            <source>y = g(x), value by value.</source>
            <translation>y = g(x)，逐个数值计算。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="240" />
            <source>dL/dZ = dL/dA ⊙ 1[Z &gt; 0]: the gradient passes only where the unit was on.</source>
            <translation>dL/dZ = dL/dA ⊙ 1[Z &gt; 0]：梯度只在单元被激活的地方通过。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="241" />
            <source>A = max(0, Z): negative values become 0.</source>
            <translation>A = max(0, Z)：负值变成 0。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="246" />
            <location filename="../../explainer/gui/pages/activations.py" line="294" />
            <source>ReLU</source>
            <translation>ReLU</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="246" />
            <source>Leaky ReLU</source>
            <translation>Leaky ReLU</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="246" />
            <location filename="../../explainer/gui/pages/activations.py" line="293" />
            <source>tanh</source>
            <translation>tanh</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="246" />
            <location filename="../../explainer/gui/pages/activations.py" line="292" />
            <source>sigmoid</source>
            <translation>sigmoid</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="381" />
            <source>before: x</source>
            <translation>之前：x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="382" />
            <source>after: y</source>
            <translation>之后：y</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="648" />
            <location filename="../../explainer/gui/layers/pool.py" line="739" />
            <location filename="../../explainer/gui/pages/receptive.py" line="178" />
            <source>Channel</source>
            <translation>通道</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="664" />
            <source>mask 1[Z &gt; 0]</source>
            <translation>掩码 1[Z &gt; 0]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="664" />
            <source>g′(Z)</source>
            <translation>g′(Z)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="668" />
            <source>the local slope of the activation</source>
            <translation>激活函数在该点的斜率</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="672" />
            <source>zero wherever the unit was off</source>
            <translation>凡是该单元未激活的地方都为零</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="703" />
            <source>value {i} of {n}</source>
            <translation>第 {i} 个值，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="707" />
            <source>Z (input)</source>
            <translation>Z（输入）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="710" />
            <source>what the layer received in the forward pass</source>
            <translation>这一层在前向传播中收到的值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="720" />
            <source>dL/dA (from above)</source>
            <translation>dL/dA（来自上一层）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="723" />
            <source>gradient arriving at the output</source>
            <translation>到达输出的梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="726" />
            <source>dL/dZ = dL/dA ⊙ g′(Z)</source>
            <translation>dL/dZ = dL/dA ⊙ g′(Z)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="735" />
            <source>dL/dZ[{r},{c}] = dL/dA · g′(Z) = {dy} × {d} = &lt;b&gt;{v}&lt;/b&gt;   (Z = {x})</source>
            <translation>dL/dZ[{r},{c}] = dL/dA · g′(Z) = {dy} × {d} = &lt;b&gt;{v}&lt;/b&gt;   （Z = {x}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/base.py" line="224" />
            <location filename="../../explainer/gui/pages/stepper.py" line="303" />
            <source>Backward through {name}</source>
            <translation>反向穿过 {name}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/base.py" line="271" />
            <source>Nothing to compute</source>
            <translation>没有需要计算的</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/base.py" line="272" />
            <source>This layer only moves numbers around, so its gradient is the incoming gradient put back in the original layout.</source>
            <translation>这一层只是搬动数字的位置，所以它的梯度就是传进来的梯度按原来的排列放回去。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/base.py" line="291" />
            <source>dL/dy</source>
            <translation>dL/dy</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/base.py" line="292" />
            <source>dL/dx</source>
            <translation>dL/dx</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/base.py" line="295" />
            <source>dL/dx = dL/dy, reshaped to {shape}</source>
            <translation>dL/dx = dL/dy，变形为 {shape}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/base.py" line="333" />
            <source>map </source>
            <translation>特征图 </translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/__init__.py" line="29" />
            <source>same ({p})</source>
            <translation>same（{p}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/__init__.py" line="31" />
            <source>valid (0)</source>
            <translation>valid（0）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/__init__.py" line="34" />
            <source>{n} filters {k}×{k}, stride {s}, padding {p}</source>
            <translation>{n} 个 {k}×{k} 滤波器，步幅 {s}，填充 {p}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/__init__.py" line="42" />
            <source>Z = W ⋆ A_prev + b: every kernel slides over all input maps.</source>
            <translation>Z = W ⋆ A_prev + b：每个卷积核都在全部输入特征图上滑动。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/__init__.py" line="43" />
            <source>dL/dA_prev = full convolution of dL/dZ with rot180(W);  dL/dW = A_prev ⋆ dL/dZ;  dL/db = Σ dL/dZ.  Click “Show the numbers” to watch it.</source>
            <translation>dL/dA_prev = dL/dZ 与 rot180(W) 的全卷积；  dL/dW = A_prev ⋆ dL/dZ；  dL/db = Σ dL/dZ。  点击“显示数值”观看计算过程。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="100" />
            <source>Which gradient to compute</source>
            <translation>要计算哪一个梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="101" />
            <location filename="../../explainer/gui/layers/conv/backward.py" line="130" />
            <source>dL/dA_prev: full convolution with the kernel rotated 180°</source>
            <translation>dL/dA_prev：与旋转 180° 的卷积核做全卷积</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="101" />
            <location filename="../../explainer/gui/layers/conv/backward.py" line="131" />
            <source>dL/dW: input ⋆ dL/dZ</source>
            <translation>dL/dW：输入 ⋆ dL/dZ</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="104" />
            <source>Output channel o (a map of this layer)</source>
            <translation>输出通道 o（本层的一张特征图）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="105" />
            <source>Input channel c (a map of the previous layer)</source>
            <translation>输入通道 c（上一层的一张特征图）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="199" />
            <location filename="../../explainer/gui/layers/generative.py" line="450" />
            <source>step {i} of {n}</source>
            <translation>第 {i} 步，共 {n} 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="205" />
            <source>dL/dZ[{o}], zero-padded</source>
            <translation>dL/dZ[{o}]，补零后</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="209" />
            <source>the gradient arriving at this layer's output map o</source>
            <translation>到达本层输出特征图 o 的梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="212" />
            <source>rot180(W[{o},{c}])</source>
            <translation>rot180(W[{o},{c}])</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="214" />
            <source>the kernel turned upside down and mirrored</source>
            <translation>上下颠倒再左右镜像的卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="217" />
            <location filename="../../explainer/gui/layers/generative.py" line="467" />
            <source>share from map {o}</source>
            <translation>来自特征图 {o} 的部分</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="221" />
            <source>Σ window ⊙ rot180(W), one cell per step</source>
            <translation>Σ 窗口 ⊙ rot180(W)，每步一个格子</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="224" />
            <source>dL/dA_prev[{c}]</source>
            <translation>dL/dA_prev[{c}]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="227" />
            <source>sum of such maps over all {n} output channels</source>
            <translation>全部 {n} 个输出通道上这类图之和</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="234" />
            <source>dL/dA_prev[{c}][{r},{s}] (from map {o}) = Σ window ⊙ rot180(W) = {terms} = &lt;b&gt;{v}&lt;/b&gt;</source>
            <translation>dL/dA_prev[{c}][{r},{s}]（来自特征图 {o}）= Σ 窗口 ⊙ rot180(W) = {terms} = &lt;b&gt;{v}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="258" />
            <source>A_prev[{c}], padded</source>
            <translation>A_prev[{c}]，已填充</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="267" />
            <source>the input pixels weight ({i},{j}) touched</source>
            <translation>权重 ({i},{j}) 接触过的输入像素</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="269" />
            <source>dL/dZ[{o}]</source>
            <translation>dL/dZ[{o}]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="269" />
            <source>the gradient at this layer's output</source>
            <translation>本层输出处的梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="271" />
            <source>dL/dW[{o},{c}]</source>
            <translation>dL/dW[{o},{c}]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="275" />
            <source>dL/db[{o}] = Σ dL/dZ[{o}] = {v}</source>
            <translation>dL/db[{o}] = Σ dL/dZ[{o}] = {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="284" />
            <source>dL/dW[{o},{c}][{i},{j}] = Σ A_pad[{i}+r, {j}+s]·dL/dZ[r,s] over {n} positions = &lt;b&gt;{v}&lt;/b&gt;&lt;br&gt;largest terms: {terms}</source>
            <translation>dL/dW[{o},{c}][{i},{j}] = 对 {n} 个位置求和 Σ A_pad[{i}+r, {j}+s]·dL/dZ[r,s] = &lt;b&gt;{v}&lt;/b&gt;&lt;br&gt;最大的几项：{terms}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="312" />
            <source>channel {c}</source>
            <translation>通道 {c}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="312" />
            <source>input, padded</source>
            <translation>输入（已填充）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="371" />
            <location filename="../../explainer/gui/layers/pool.py" line="291" />
            <location filename="../../explainer/gui/layers/pool.py" line="298" />
            <location filename="../../explainer/gui/network/mapdetail.py" line="385" />
            <location filename="../../explainer/gui/network/overview.py" line="166" />
            <location filename="../../explainer/gui/pages/design.py" line="489" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="371" />
            <location filename="../../explainer/gui/layers/conv/forward.py" line="581" />
            <source>kernel</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="373" />
            <source>window · kernel</source>
            <translation>窗口 · 卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="374" />
            <location filename="../../explainer/gui/layers/pool.py" line="292" />
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="572" />
            <location filename="../../explainer/gui/layers/conv/forward.py" line="673" />
            <source>bias {b}</source>
            <translation>偏置 {b}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="580" />
            <source>window of channel {c}</source>
            <translation>通道 {c} 的窗口</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="580" />
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="177" />
            <source>window</source>
            <translation>窗口</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="582" />
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="178" />
            <source>products</source>
            <translation>乘积</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="763" />
            <source>output map </source>
            <translation>输出特征图 </translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="765" />
            <source>Save GIF…</source>
            <translation>保存 GIF…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="767" />
            <source>Save the sliding kernel as an animated GIF (up to {n} steps from here)</source>
            <translation>把滑动的卷积核保存为 GIF 动画（从当前位置起最多 {n} 步）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="19" />
            <source>{name}: output map {channel} of {channels}  ·  {k}×{k} kernel, stride {stride}, padding {padding}</source>
            <translation>{name}：第 {channel} 个输出特征图，共 {channels} 个  ·  {k}×{k} 卷积核，步幅 {stride}，填充 {padding}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="34" />
            <source>Multiply, then add</source>
            <translation>先相乘，再相加</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="35" />
            <source>A small grid of weights, the kernel, slides over the input. At each position every input value is multiplied by the weight lying on it, and the products are added up. That sum, plus one number called the bias, is one pixel of the output map.</source>
            <translation>一小块权重网格，也就是卷积核，在输入上滑动。在每个位置，每个输入值都与覆盖在它上面的权重相乘，再把这些乘积加起来。这个和再加上一个叫作偏置的数，就是输出特征图上的一个像素。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="42" />
            <source>Local connectivity</source>
            <translation>局部连接</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="43" />
            <source>Each output pixel looks only at the {k}×{k} window under the kernel, never at the whole image. Neighbouring pixels belong together, so a small window is enough to find an edge, a stroke or a corner. Deeper layers combine these small findings into larger shapes.</source>
            <translation>每个输出像素只看卷积核下方 {k}×{k} 的窗口，而不是整张图。相邻的像素彼此相关，所以一个小窗口就足以找出一条边、一段笔画或一个拐角。更深的层再把这些小发现组合成更大的形状。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="50" />
            <source>Weight sharing</source>
            <translation>权值共享</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="51" />
            <source>The same kernel is used at every position, so this output map needs only {n} weights and 1 bias, however large the image is. A pattern is recognised wherever it appears.</source>
            <translation>每个位置用的都是同一个卷积核，所以无论图像多大，这张输出特征图只需要 {n} 个权重和 1 个偏置。一个图案无论出现在哪里都能被识别出来。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="60" />
            <source>Many input channels</source>
            <translation>多个输入通道</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="61" />
            <source>The input has {c} channels and the kernel has one {k}×{k} slice for each. Every slice makes its own intermediate map; the {c} intermediate maps are added together and the bias is added once. Each output map has its own set of kernels.</source>
            <translation>输入有 {c} 个通道，卷积核为每个通道各准备一片 {k}×{k} 的权重。每一片各自得到一张中间图；这 {c} 张中间图相加，再加一次偏置。每张输出特征图都有自己的一组卷积核。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="69" />
            <location filename="../../explainer/gui/layers/pool.py" line="423" />
            <source>zeros</source>
            <translation>0</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="72" />
            <source>Why padding</source>
            <translation>为什么要填充</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="73" />
            <source>Without padding the output loses {lost} pixels in each direction at every layer, and border pixels fall under fewer windows than central ones. Here {p} ring(s) of zeros, drawn hatched, surround the input, so edges count as much as the centre.</source>
            <translation>如果不填充，每经过一层，输出在每个方向上都会少 {lost} 个像素，而且边缘像素被窗口覆盖的次数比中间的少。这里在输入四周补了 {p} 圈 0（画有斜线），让边缘和中心同样重要。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="79" />
            <source>Without padding the output loses {lost} pixels in each direction at every layer, and border pixels fall under fewer windows than central ones. The zeros added around the input make up for that.</source>
            <translation>如果不填充，每经过一层，输出在每个方向上都会少 {lost} 个像素，而且边缘像素被窗口覆盖的次数比中间的少。输入四周补上的 0 弥补了这一点。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="85" />
            <source>This layer uses no padding ('valid'): the kernel stays inside the image, so the output is {lost} pixels smaller in each direction than the input, and border pixels are seen less often.</source>
            <translation>这一层不填充（'valid'）：卷积核始终留在图像内部，所以输出在每个方向上比输入小 {lost} 个像素，边缘像素也较少被看到。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="94" />
            <source>What stride does</source>
            <translation>步幅的作用</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="95" />
            <source>The stride is how far the kernel jumps between positions. Here it moves {s} pixel at a time, so neighbouring windows overlap and the output keeps the full resolution.</source>
            <translation>步幅是卷积核每次移动的距离。这里每次移动 {s} 个像素，所以相邻窗口相互重叠，输出保持完整的分辨率。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="100" />
            <source>The stride is how far the kernel jumps between positions. Here it moves {s} pixels at a time, skipping positions in between: the output is about {s} times smaller in each direction and neighbouring windows overlap less.</source>
            <translation>步幅是卷积核每次移动的距离。这里每次移动 {s} 个像素，跳过中间的位置：输出在每个方向上大约缩小为原来的 1/{s}，相邻窗口的重叠也更少。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="108" />
            <location filename="../../explainer/gui/layers/padding.py" line="72" />
            <source>Output size</source>
            <translation>输出尺寸</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="116" />
            <source>Output size = (H + 2P − K) / S + 1, rounded down, for an input of H pixels, padding P, kernel K and stride S.</source>
            <translation>输出尺寸 = (H + 2P − K) / S + 1（向下取整），其中 H 为输入像素数，P 为填充，K 为卷积核大小，S 为步幅。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="124" />
            <source>output ({row}, {col})  ·  step {step} of {total}</source>
            <translation>输出 ({row}, {col})  ·  第 {step} 步，共 {total} 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="131" />
            <source>kernel for channel {c}, weight ({row}, {col}) = {v}</source>
            <translation>通道 {c} 的卷积核，权重 ({row}, {col}) = {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="138" />
            <source>Click a channel to show its numbers below.</source>
            <translation>点击一个通道，在下方显示它的数值。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="145" />
            <source>(top / left / bottom / right)</source>
            <translation>（上 / 左 / 下 / 右）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="151" />
            <source>Where the gradient comes from</source>
            <translation>梯度从哪里来</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="152" />
            <source>dL/dZ is the gradient at this layer's output before the activation: the ReLU after it has already multiplied by its mask, dZ = dA ⊙ g′(Z).</source>
            <translation>dL/dZ 是本层输出在激活之前的梯度：后面的 ReLU 已经乘上了它的掩码，dZ = dA ⊙ g′(Z)。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="158" />
            <source>dL/dA_prev: a full convolution</source>
            <translation>dL/dA_prev：一次全卷积</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="159" />
            <source>Every input pixel helped make up to {n} outputs, one per kernel position. Collecting their gradients is a convolution of dL/dZ, padded with k − 1 − P = {ring} zeros, with the kernel rotated by 180°. Summing over every output channel gives dL/dA_prev.</source>
            <translation>每个输入像素最多参与了 {n} 个输出的计算，卷积核的每个位置一个。把这些梯度收集起来，就是把 dL/dZ 补上 k − 1 − P = {ring} 圈 0，再与旋转 180° 的卷积核做卷积。对所有输出通道求和，就得到 dL/dA_prev。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="166" />
            <source>dL/dW: the input correlated with dL/dZ</source>
            <translation>dL/dW：输入与 dL/dZ 的互相关</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="167" />
            <source>Each weight W[i, j] was used at every output position, always on the pixel (i, j) steps away, so its gradient is the sum of those pixels times dL/dZ: the input ⋆ dL/dZ. dL/db is simply the sum of dL/dZ (stride {s}, padding {p}).</source>
            <translation>每个权重 W[i, j] 在每个输出位置都用到过，作用的总是偏移 (i, j) 处的那个像素，所以它的梯度就是这些像素乘以 dL/dZ 之和：输入 ⋆ dL/dZ。dL/db 就是 dL/dZ 的总和（步幅 {s}，填充 {p}）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="181" />
            <source>Try your own settings: choose the input size, the kernel size, the padding and the stride, then watch the kernel slide and see how large the output becomes.</source>
            <translation>自己动手试试：选择输入尺寸、卷积核大小、填充和步幅，然后看卷积核如何滑动，输出会变成多大。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="189" />
            <source>(H + 2P − K) / S + 1  =  ({h} + 2×{p} − {k}) / {s} + 1  =  {out}</source>
            <translation>(H + 2P − K) / S + 1  =  ({h} + 2×{p} − {k}) / {s} + 1  =  {out}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="196" />
            <source>(H + 2P − K) / S + 1  =  ⌊({h} + 2×{p} − {k}) / {s}⌋ + 1  =  {out}</source>
            <translation>(H + 2P − K) / S + 1  =  ⌊({h} + 2×{p} − {k}) / {s}⌋ + 1  =  {out}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="203" />
            <source>The division is not exact: the last {n} row(s) and column(s) of the padded input are never under the kernel (drawn hatched), because the kernel would stick out of the image.</source>
            <translation>这里除不尽：填充后输入的最后 {n} 行和 {n} 列从未落在卷积核下方（画有斜线），因为那样卷积核会伸出图像之外。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="212" />
            <source>'Same' padding adds (K − 1) / 2 zeros on each side so the output is as large as the input.</source>
            <translation>'Same' 填充在每一侧补 (K − 1) / 2 个 0，使输出与输入一样大。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="215" />
            <source>'Same' padding adds (K − 1) / 2 zeros on each side; with stride {s} the output is still about {s} times smaller, because 'same' keeps the size only at stride 1.</source>
            <translation>'Same' 填充在每一侧补 (K − 1) / 2 个 0；但步幅为 {s} 时，输出仍然约缩小为 1/{s}，因为 'same' 只在步幅为 1 时保持尺寸不变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="223" />
            <source>Impossible: the {k}×{k} kernel does not fit inside the padded input, which is only {h} + 2×{p} = {hp} pixels wide. There is no position where it lies completely on the image, so the output would have no pixels. Choose a smaller kernel or more padding.</source>
            <translation>不可能：{k}×{k} 的卷积核放不进填充后的输入，它只有 {h} + 2×{p} = {hp} 个像素宽。卷积核找不到完全落在图像上的位置，输出将没有任何像素。请选择更小的卷积核或更多的填充。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="232" />
            <source>Impossible: 'same' padding puts (K − 1) / 2 = {half} zeros on each side, and half a pixel cannot be added. Choose an odd kernel size or type the padding as a number.</source>
            <translation>不可能：'same' 填充要在每一侧补 (K − 1) / 2 = {half} 个 0，而半个像素是补不了的。请选择奇数大小的卷积核，或把填充直接输入为一个数字。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/weightedit.py" line="60" />
            <source>Edit weight w[{c}][{r},{k}]:</source>
            <translation>编辑权重 w[{c}][{r},{k}]：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/weightedit.py" line="62" />
            <source>Set this kernel weight by hand (click a weight in a kernel to choose it). The window uses the edited model, so the change spreads through every later layer; P pins the maps first to see where. Model → Restore bundled model undoes it.</source>
            <translation>手动设置这个卷积核权重（点击卷积核中的某个权重来选择它）。窗口会使用编辑后的模型，所以这个改动会传到后面的每一层；先按 P 固定特征图，就能看到改动传到了哪里。“模型 → 恢复自带的模型”可以撤销。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/__init__.py" line="25" />
            <source>maps laid out as one vector</source>
            <translation>特征图排成一个向量</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/__init__.py" line="26" />
            <source>{inputs:,} → {outputs:,}, every input to every output</source>
            <translation>{inputs:,} → {outputs:,}，每个输入连接每个输出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/__init__.py" line="35" />
            <source>The gradient vector is folded back into maps.</source>
            <translation>梯度向量被折回成特征图。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/__init__.py" line="37" />
            <source>The maps are laid out as one long vector; no numbers change.</source>
            <translation>特征图被排成一个长向量；数值没有任何改变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/__init__.py" line="40" />
            <source>dL/dW = xᵀ · dL/dz;  dL/db = dL/dz;  dL/dx = dL/dz · Wᵀ.</source>
            <translation>dL/dW = xᵀ · dL/dz；  dL/db = dL/dz；  dL/dx = dL/dz · Wᵀ。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/__init__.py" line="41" />
            <source>z = x · W + b: one score per class.</source>
            <translation>z = x · W + b：每个类别一个得分。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="70" />
            <source>Softmax cross-entropy and {name} backward</source>
            <translation>Softmax 交叉熵与 {name} 的反向传播</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="102" />
            <source>x (input of {name})</source>
            <translation>x（{name} 的输入）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="105" />
            <source>what the layer received</source>
            <translation>这一层收到的值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="108" />
            <source>dL/dW[:, {k}] = x · dL/dz_{k}</source>
            <translation>dL/dW[:, {k}] = x · dL/dz_{k}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="112" />
            <source>the weights into class {k} move by −lr times this</source>
            <translation>通向类别 {k} 的权重会移动这个量的 −lr 倍</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="115" />
            <source>dL/dx = W · dL/dz</source>
            <translation>dL/dx = W · dL/dz</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="118" />
            <source>sent back to the previous layer</source>
            <translation>传回上一层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="123" />
            <source>dL/dW[i, {k}] = x[i] · dL/dz_{k} = x[i] × {g};   dL/db_{k} = dL/dz_{k} = &lt;b&gt;{g}&lt;/b&gt;</source>
            <translation>dL/dW[i, {k}] = x[i] · dL/dz_{k} = x[i] × {g}；   dL/db_{k} = dL/dz_{k} = &lt;b&gt;{g}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="137" />
            <location filename="../../explainer/gui/layers/dense/backward.py" line="146" />
            <location filename="../../explainer/gui/layers/dense/forward.py" line="202" />
            <location filename="../../explainer/gui/layers/dense/forward.py" line="366" />
            <source>class</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="137" />
            <location filename="../../explainer/gui/layers/dense/backward.py" line="151" />
            <source>dL/dz (given)</source>
            <translation>dL/dz（给定）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="146" />
            <source>logit z</source>
            <translation>logit z</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="146" />
            <location filename="../../explainer/gui/pages/stepper.py" line="385" />
            <source>p = softmax(z)</source>
            <translation>p = softmax(z)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="148" />
            <source>label y</source>
            <translation>标签 y</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="148" />
            <location filename="../../explainer/gui/pages/stepper.py" line="396" />
            <source>dL/dz = p − y</source>
            <translation>dL/dz = p − y</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/backward.py" line="163" />
            <source>loss = −log p[label] = {v}</source>
            <translation>损失 = −log p[标签] = {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/forward.py" line="189" />
            <location filename="../../explainer/gui/layers/dense/forward.py" line="417" />
            <source>what '{k}' looks for</source>
            <translation>“{k}”在找什么</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/forward.py" line="190" />
            <location filename="../../explainer/gui/layers/dense/forward.py" line="418" />
            <source>evidence for '{k}'</source>
            <translation>支持“{k}”的证据</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/forward.py" line="193" />
            <source>weights into the class</source>
            <translation>通向该类别的权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/forward.py" line="193" />
            <source>value × weight</source>
            <translation>数值 × 权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/forward.py" line="202" />
            <location filename="../../explainer/gui/layers/dense/forward.py" line="399" />
            <source>sum</source>
            <translation>求和</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/forward.py" line="205" />
            <location filename="../../explainer/gui/layers/dense/forward.py" line="366" />
            <location filename="../../explainer/gui/network/overview.py" line="516" />
            <location filename="../../explainer/gui/network/overview.py" line="589" />
            <source>probability</source>
            <translation>概率</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/forward.py" line="229" />
            <location filename="../../explainer/gui/layers/dense/forward.py" line="332" />
            <source>flatten
{n}</source>
            <translation>展平
{n}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="14" />
            <source>{name}: from feature maps to the score of class '{k}'</source>
            <translation>{name}：从特征图到类别“{k}”的得分</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="22" />
            <source>The last {c} maps of {h}×{w} values are laid end to end into one list of {n} numbers. No number changes; only the arrangement does.</source>
            <translation>最后 {c} 张 {h}×{w} 的特征图首尾相接，排成一个含 {n} 个数的列表。没有任何数值改变，只是排列方式变了。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="27" />
            <source>The layer receives a list of {n} numbers.</source>
            <translation>这一层接收一个含 {n} 个数的列表。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="29" />
            <source>Flatten</source>
            <translation>展平</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="31" />
            <source>Fully connected</source>
            <translation>全连接</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="32" />
            <source>Every one of the {n} numbers is connected to every class. A class's score (its logit) is each number times its own weight, all added up, plus a bias.</source>
            <translation>这 {n} 个数中的每一个都连接到每个类别。一个类别的得分（它的 logit）是每个数乘以各自的权重，全部加起来，再加上偏置。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="38" />
            <source>What a class looks for</source>
            <translation>一个类别在找什么</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="39" />
            <source>The weights into one class, drawn as images in the shape of the maps, show what that class looks for: red where activity raises its score, blue where activity lowers it.</source>
            <translation>把通向某个类别的权重按特征图的形状画成图像，就能看出这个类别在找什么：红色处的激活会提高它的得分，蓝色处的激活会降低它的得分。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="45" />
            <location filename="../../explainer/gui/tour/stops.py" line="571" />
            <source>Softmax: scores become probabilities</source>
            <translation>Softmax：得分变成概率</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="46" />
            <source>Softmax raises e to the power of each of the {k} scores, which makes them all positive and stretches the gaps between them, then divides each by their sum. The results are between 0 and 1 and add up to 1: the network's confidence in each class.</source>
            <translation>Softmax 先对 {k} 个得分分别取 e 的幂，使它们都变成正数，并拉大彼此的差距，然后把每个数除以它们的总和。结果介于 0 和 1 之间，总和为 1：这就是网络对每个类别的把握。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="58" />
            <source>input: {n} values</source>
            <translation>输入：{n} 个值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="60" />
            <source>{c} maps of {h}×{w} = {n} values</source>
            <translation>{c} 张 {h}×{w} 的特征图 = {n} 个值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="65" />
            <source>score of '{k}':  z = Σ value × weight + bias = {e} + ({b}) = {z}</source>
            <translation>“{k}”的得分：z = Σ 数值 × 权重 + 偏置 = {e} + ({b}) = {z}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="72" />
            <source>probability of '{k}':  e^z / Σ e^z = {e} / {s} = {p}</source>
            <translation>“{k}”的概率：e^z / Σ e^z = {e} / {s} = {p}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="83" />
            <source>class {k} (classes 0–{last})</source>
            <translation>类别 {k}（类别 0–{last}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="84" />
            <source>class '{k}'  ·  {step} of {total}</source>
            <translation>类别“{k}”  ·  第 {step} 个，共 {total} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="93" />
            <source>Softmax with cross-entropy</source>
            <translation>Softmax 与交叉熵</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="94" />
            <source>The loss is L = −log p[label]. Its gradient with respect to the logits is remarkably simple: dL/dz = p − y, the probabilities minus the one-hot label. The true class gets p − 1 (negative: raise it), every other class gets p (positive: lower it).</source>
            <translation>损失为 L = −log p[标签]。它对 logits 的梯度出奇地简单：dL/dz = p − y，即概率减去 one-hot 标签。正确类别得到 p − 1（为负：要提高它），其他类别得到 p（为正：要降低它）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="104" />
            <source>Explaining one class</source>
            <translation>解释一个类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="105" />
            <source>Here the gradient at the logits is given: 1 for the class being explained, 0 elsewhere. Every gradient below then says how each number changes that class's score.</source>
            <translation>这里 logits 处的梯度是给定的：被解释的类别为 1，其余为 0。于是下面的每个梯度都表示各个数如何改变该类别的得分。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="113" />
            <source>The dense layer</source>
            <translation>全连接层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/dense/texts.py" line="114" />
            <source>z = x·W + b, so dL/dW[i, k] = x[i] · dL/dz_k, dL/db = dL/dz and dL/dx = W · dL/dz.</source>
            <translation>z = x·W + b，所以 dL/dW[i, k] = x[i] · dL/dz_k，dL/db = dL/dz，dL/dx = W · dL/dz。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="132" />
            <source>rows {a}–{b}, columns {c}–{d}</source>
            <translation>第 {a}–{b} 行、第 {c}–{d} 列</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="142" />
            <source>Transposed convolution: each pixel stamps the kernel</source>
            <translation>转置卷积：每个像素盖一次卷积核的印</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="143" />
            <source>A decoder has to grow a small grid into a larger image. Here every input pixel leaves a copy of the {k}×{k} kernel, multiplied by its value, on the output; the stamps of neighbouring pixels land {s} cells apart, so the output is about {s} times larger. Where stamps overlap, they add up.</source>
            <translation>解码器要把一个小网格长成一幅更大的图像。这里每个输入像素都在输出上留下一份 {k}×{k} 卷积核的副本，乘以该像素的值；相邻像素的印相隔 {s} 格落下，所以输出大约大 {s} 倍。印重叠的地方相加。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="151" />
            <source>Channels, bias and the cut border</source>
            <translation>通道、偏置和裁掉的边</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="152" />
            <source>Every input map stamps its own kernel onto every output map, and an output map is the sum of the stamps from all input maps plus its bias. Finally {p} rows and columns are cut from each side (hatched): out = (in − 1) × {s} − 2 × {p} + {k}.</source>
            <translation>每张输入特征图都把自己的卷积核盖到每张输出特征图上；一张输出特征图等于所有输入特征图的印之和再加上它的偏置。最后每边裁掉 {p} 行和 {p} 列（斜线部分）：输出 = (输入 − 1) × {s} − 2 × {p} + {k}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="159" />
            <source>The same numbers as a convolution's backward pass</source>
            <translation>与卷积反向传播相同的数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="160" />
            <source>A convolution's gradient dL/dx is exactly this operation applied to dL/dy: a transposed convolution runs a convolution backwards. That is why it is also called a 'fractionally strided' convolution (not a 'deconvolution': it does not undo one).</source>
            <translation>卷积的梯度 dL/dx 正是把这个运算作用在 dL/dy 上：转置卷积就是把卷积倒着运行。所以它也叫“分数步长”卷积（不叫“反卷积”：它并不撤销一次卷积）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="173" />
            <source>Each pixel reads back what its stamp touched</source>
            <translation>每个像素读回它的印覆盖过的梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="174" />
            <source>An input pixel changed the output only where its stamp landed, by its value times the kernel. So its gradient is the sum, over the cells of its stamp, of dL/dy times the kernel weight there, added over all output maps: dL/dx[c, r, w] = Σ_o Σ_ij W[c, o, i, j] · dL/dy[o, S·r + i, S·w + j]. That is an ordinary convolution of dL/dy with the kernel.</source>
            <translation>一个输入像素只在它的印落下的地方改变输出，改变量是它的值乘以卷积核。所以它的梯度是在印覆盖的各格上 dL/dy 乘以该处核权重之和，再对所有输出特征图相加：dL/dx[c, r, w] = Σ_o Σ_ij W[c, o, i, j] · dL/dy[o, S·r + i, S·w + j]。这就是 dL/dy 与卷积核的一次普通卷积。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="182" />
            <source>The kernel and the bias</source>
            <translation>卷积核与偏置</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="183" />
            <source>Weight W[c, o, i, j] scaled every input pixel's stamp, so dL/dW[c, o] adds each input value times the gradient window under its stamp; dL/db[o] is the sum of dL/dy[o].</source>
            <translation>权重 W[c, o, i, j] 缩放了每个输入像素的印，所以 dL/dW[c, o] 把每个输入值乘以它的印下方的梯度窗口再相加；dL/db[o] 是 dL/dy[o] 之和。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="195" />
            <source>Reshape: the same numbers, laid out as maps</source>
            <translation>Reshape：同样的数，排成特征图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="196" />
            <source>A decoder starts from a short code, and a dense layer turns it into a long vector. Reshape cuts that vector into maps in reading order, so the transposed convolutions after it can treat it as a small image. No number changes; it undoes a Flatten.</source>
            <translation>解码器从一个很短的编码出发，全连接层把它变成一个长向量。Reshape 按阅读顺序把这个向量切成特征图，后面的转置卷积就能把它当作一幅小图像来处理。没有任何数改变；它是 Flatten 的逆操作。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="208" />
            <source>the vector laid out as {shape}</source>
            <translation>向量排成 {shape}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="209" />
            <source>{c_out} maps, each input pixel stamps a {k}×{k} kernel every {s} cells</source>
            <translation>{c_out} 张特征图，每个输入像素每隔 {s} 格盖一个 {k}×{k} 卷积核的印</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="218" />
            <source>The gradient is laid out back as the input vector.</source>
            <translation>梯度被重新排回输入向量的形状。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="220" />
            <source>The vector is cut into maps; no numbers change.</source>
            <translation>向量被切成特征图；没有任何数改变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="223" />
            <source>dL/dx[c, r, w] = Σ over the stamp of dL/dy × W; dL/db = Σ dL/dy.</source>
            <translation>dL/dx[c, r, w] = 在印覆盖处对 dL/dy × W 求和；dL/db = Σ dL/dy。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="224" />
            <source>Each input pixel adds value × kernel onto the output, S cells apart; then + b.</source>
            <translation>每个输入像素把 值 × 卷积核 加到输出上，相隔 S 格；然后 + b。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="229" />
            <source>Reshape</source>
            <translation>Reshape（变形）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="229" />
            <source>Transposed convolution</source>
            <translation>转置卷积</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="247" />
            <location filename="../../explainer/gui/layers/generative.py" line="394" />
            <source>Input channel c (a map this layer reads)</source>
            <translation>输入通道 c（本层读取的一张特征图）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="248" />
            <location filename="../../explainer/gui/layers/generative.py" line="395" />
            <source>Output channel o (a map this layer makes)</source>
            <translation>输出通道 o（本层生成的一张特征图）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="284" />
            <source>{name} (transposed convolution): {h}×{w} grows to {oh}×{ow}</source>
            <translation>{name}（转置卷积）：{h}×{w} 长成 {oh}×{ow}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="317" />
            <source>pixel ({r}, {w}) of map {c}  ·  step {i} of {n}</source>
            <translation>特征图 {c} 的像素 ({r}, {w})  ·  第 {i} 步，共 {n} 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="324" />
            <source>input map {c}</source>
            <translation>输入特征图 {c}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="327" />
            <source>pixel ({r}, {w}) = {v}</source>
            <translation>像素 ({r}, {w}) = {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="330" />
            <location filename="../../explainer/gui/layers/generative.py" line="460" />
            <source>kernel W[{c},{o}]</source>
            <translation>卷积核 W[{c},{o}]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="332" />
            <source>what map {c} stamps onto map {o}</source>
            <translation>特征图 {c} 盖到特征图 {o} 上的印</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="335" />
            <source>stamp = {v} × kernel</source>
            <translation>印 = {v} × 卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="338" />
            <source>added {s} cells further for each input step</source>
            <translation>输入每走一步，印就向后移 {s} 格</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="341" />
            <source>stamps of map {c} added up</source>
            <translation>特征图 {c} 的印相加</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="346" />
            <source>hatched: the {p}-cell border that is cut away</source>
            <translation>斜线：被裁掉的 {p} 格边</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="349" />
            <source>output map {o}</source>
            <translation>输出特征图 {o}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="351" />
            <source>Σ over {n} input maps + b = {b}</source>
            <translation>对 {n} 张输入特征图求和 + b = {b}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="360" />
            <source>nothing</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="362" />
            <source>x[{c}][{r},{w}] = {v}: the stamp {v} × W[{c},{o}] lands on the full grid at {full}; {visible} of the output. Its corner: {v} × {w0} = {s0}</source>
            <translation>x[{c}][{r},{w}] = {v}：印 {v} × W[{c},{o}] 落在完整网格的{full}；即输出的{visible}。它的左上角：{v} × {w0} = {s0}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="454" />
            <source>dL/dy[{o}], padded by {p}</source>
            <translation>dL/dy[{o}]，四周补 {p} 格</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="458" />
            <source>the cells the stamp of pixel ({r}, {w}) touched</source>
            <translation>像素 ({r}, {w}) 的印覆盖的格子</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="460" />
            <source>its weights</source>
            <translation>它的权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="462" />
            <source>window ⊙ kernel</source>
            <translation>窗口 ⊙ 卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="464" />
            <source>sum = {v}</source>
            <translation>和 = {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="471" />
            <source>one pixel per step</source>
            <translation>每步一个像素</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="474" />
            <location filename="../../explainer/gui/layers/pool.py" line="769" />
            <source>dL/dx[{c}]</source>
            <translation>dL/dx[{c}]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="477" />
            <source>Σ of such shares over all {n} output maps</source>
            <translation>对全部 {n} 张输出特征图的这种份额求和</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="484" />
            <source>dL/dx[{c}][{r},{w}] (from map {o}) = Σ window ⊙ W[{c},{o}] = &lt;b&gt;{v}&lt;/b&gt;; dL/db[{o}] = {b}</source>
            <translation>dL/dx[{c}][{r},{w}]（来自特征图 {o}）= Σ 窗口 ⊙ W[{c},{o}] = &lt;b&gt;{v}&lt;/b&gt;；dL/db[{o}] = {b}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="541" />
            <source>{name} (reshape): {n} numbers become {shape}</source>
            <translation>{name}（Reshape）：{n} 个数变成 {shape}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="559" />
            <location filename="../../explainer/gui/layers/pool.py" line="710" />
            <source>map {c} of {n}</source>
            <translation>第 {c} 张特征图，共 {n} 张</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="563" />
            <source>input vector</source>
            <translation>输入向量</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="567" />
            <source>outlined: numbers {a}–{b}</source>
            <translation>框出：第 {a}–{b} 个数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="570" />
            <location filename="../../explainer/gui/layers/pool.py" line="713" />
            <location filename="../../explainer/gui/layers/pool.py" line="759" />
            <source>map {c}</source>
            <translation>特征图 {c}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="572" />
            <source>the same numbers, row by row</source>
            <translation>同样的数，逐行排列</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/generative.py" line="577" />
            <source>map {c}[i, j] = input[{c} × {size} + i × {w} + j]</source>
            <translation>特征图 {c}[i, j] = 输入[{c} × {size} + i × {w} + j]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="71" />
            <source>Batch normalisation: y = γ · (x − μ) / √(σ² + ε) + β</source>
            <translation>批归一化：y = γ · (x − μ) / √(σ² + ε) + β</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="72" />
            <source>While training, each channel is shifted to mean 0 and scaled to variance 1 over the batch, then given a learnt scale γ and offset β. That keeps every layer's input on the same scale, so training can take larger steps.</source>
            <translation>训练时，每个通道在整个批次上被平移到均值 0、缩放到方差 1，再乘上学到的缩放 γ、加上学到的偏移 β。这样每一层的输入都保持在同一尺度上，训练就可以迈更大的步子。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="79" />
            <source>At inference: one straight line per channel</source>
            <translation>推理时：每个通道一条直线</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="80" />
            <source>To answer for one image, the layer uses the mean μ and variance σ² it averaged during training instead of the batch's. Every pixel of a channel then goes through the same straight line, drawn here from the real pixels.</source>
            <translation>为单张图像作答时，该层不用批次的统计量，而用训练中平均得到的均值 μ 和方差 σ²。于是一个通道的每个像素都经过同一条直线，这里用真实像素画出。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="93" />
            <source>Multiply by the line's slope</source>
            <translation>乘以直线的斜率</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="94" />
            <source>With the running statistics fixed, each channel is the line y = a·x + b with slope a = γ / √(σ² + ε), so every gradient is scaled by the same a: dL/dx = dL/dy · a. With the normalised z = (x − μ) / √(σ² + ε), the learnt numbers get dL/dγ = Σ dL/dy · z and dL/dβ = Σ dL/dy over the channel's pixels.</source>
            <translation>运行统计量固定时，每个通道就是直线 y = a·x + b，斜率 a = γ / √(σ² + ε)，所以每个梯度都乘以同一个 a：dL/dx = dL/dy · a。记归一化后的 z = (x − μ) / √(σ² + ε)，学到的参数在该通道的像素上得到 dL/dγ = Σ dL/dy · z 和 dL/dβ = Σ dL/dy。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="102" />
            <source>In training</source>
            <translation>训练时</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="103" />
            <source>With batch statistics, μ and σ² depend on every input of the batch, so the gradient also flows through them: dL/dx = a/n · (n·dL/dy − Σ dL/dy − z · Σ dL/dy · z).</source>
            <translation>使用批次统计量时，μ 和 σ² 依赖于批次中的每个输入，所以梯度也会流经它们：dL/dx = a/n · (n·dL/dy − Σ dL/dy − z · Σ dL/dy · z)。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="113" />
            <source>normalises each of {c} channels, then scales by γ and shifts by β</source>
            <translation>对 {c} 个通道分别归一化，再乘以 γ、加上 β</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="121" />
            <source>dL/dx = dL/dy · γ / √(σ² + ε), channel by channel.</source>
            <translation>dL/dx = dL/dy · γ / √(σ² + ε)，逐通道计算。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="122" />
            <source>y = γ · (x − μ) / √(σ² + ε) + β, channel by channel.</source>
            <translation>y = γ · (x − μ) / √(σ² + ε) + β，逐通道计算。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="127" />
            <location filename="../../explainer/gui/pages/design.py" line="321" />
            <source>BatchNorm</source>
            <translation>批归一化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="175" />
            <location filename="../../explainer/gui/pages/learn.py" line="439" />
            <source>before</source>
            <translation>之前</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="175" />
            <location filename="../../explainer/gui/pages/learn.py" line="440" />
            <source>after</source>
            <translation>之后</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="239" />
            <source>{name} (BatchNorm): map {channel} of {channels}</source>
            <translation>{name}（批归一化）：第 {channel} 张特征图，共 {channels} 张</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="245" />
            <source>This channel: μ = {m}, σ² = {v}, γ = {g}, β = {b}, so y = {a} · x + {c}.
This image's map: mean {xm}, std {xs} before; mean {ym}, std {ys} after.</source>
            <translation>本通道：μ = {m}，σ² = {v}，γ = {g}，β = {b}，所以 y = {a} · x + {c}。
这张图像的特征图：之前均值 {xm}、标准差 {xs}；之后均值 {ym}、标准差 {ys}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="293" />
            <source>slope a = γ / √(σ² + ε)</source>
            <translation>斜率 a = γ / √(σ² + ε)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="296" />
            <source>the same slope for every pixel of the channel</source>
            <translation>通道中每个像素的斜率都相同</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/norm.py" line="300" />
            <source>dL/dγ = {g}, dL/dβ = {b} for this channel</source>
            <translation>本通道 dL/dγ = {g}，dL/dβ = {b}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/padding.py" line="28" />
            <source>{t} top, {l} left, {b} bottom, {r} right</source>
            <translation>上 {t}、左 {l}、下 {b}、右 {r}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/padding.py" line="37" />
            <source>{axis}_out = ⌊({n} + {a} + {b} − {k}) / {s}⌋ + 1 = {out}</source>
            <translation>{axis}_out = ⌊({n} + {a} + {b} − {k}) / {s}⌋ + 1 = {out}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/padding.py" line="39" />
            <source>{axis}_out = ⌈({n} + {a} + {b} − {k}) / {s}⌉ + 1 = {out}</source>
            <translation>{axis}_out = ⌈({n} + {a} + {b} − {k}) / {s}⌉ + 1 = {out}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/padding.py" line="41" />
            <source>− 1 = {out}: the last window would start on padding only, so it is dropped</source>
            <translation>− 1 = {out}：最后一个窗口会从填充区开始，因此被舍去</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/padding.py" line="61" />
            <source>Output size = (H + P_top + P_bottom − K) / S + 1, rounded up (ceil mode), for an input of H pixels, padding P_top and P_bottom, window K and stride S; a last window that would start on the padding is dropped.</source>
            <translation>输出尺寸 = (H + P_top + P_bottom − K) / S + 1，向上取整（ceil 模式）；其中 H 是输入像素数，P_top 和 P_bottom 是上下填充，K 是窗口大小，S 是步长。如果最后一个窗口会从填充区开始，就把它舍去。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/padding.py" line="67" />
            <source>Output size = (H + P_top + P_bottom − K) / S + 1, rounded down, for an input of H pixels, padding P_top and P_bottom, kernel K and stride S (likewise for the width).</source>
            <translation>输出尺寸 = (H + P_top + P_bottom − K) / S + 1，向下取整；其中 H 是输入像素数，P_top 和 P_bottom 是上下填充，K 是卷积核大小，S 是步长（宽度同理）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/padding.py" line="78" />
            <source>Padding per side</source>
            <translation>各边分别填充</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/padding.py" line="79" />
            <source>This layer pads each side on its own: {t} row(s) on top, {b} at the bottom, {l} column(s) on the left and {r} on the right, drawn hatched, holding {filler}. Exporters write this for “same” padding when the cells to add cannot be split equally between two sides (an even window, or a stride): TensorFlow's “SAME” puts the extra one at the bottom and right.</source>
            <translation>这一层每条边的填充各不相同：上方 {t} 行、下方 {b} 行、左侧 {l} 列、右侧 {r} 列，画有斜线，里面是 {filler}。当要补的格子无法在两边平均分配时（窗口边长为偶数，或有步长），导出工具会为“same”填充写出这种形式：TensorFlow 的“SAME”把多出的一格放在下方和右侧。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="69" />
            <source>max pooling</source>
            <translation>最大池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="69" />
            <source>average pooling</source>
            <translation>平均池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="70" />
            <source>{name} ({kind}): map {channel} of {channels}  ·  {size}×{size} windows, stride {stride}</source>
            <translation>{name}（{kind}）：第 {channel} 张特征图，共 {channels} 张  ·  {size}×{size} 窗口，步幅 {stride}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="80" />
            <source>Max pooling</source>
            <translation>最大池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="81" />
            <source>The map is cut into {k}×{k} windows, moving {s} at a time, and each window is replaced by its largest value. After ReLU the largest value is the place where the pattern matched best, so keeping it keeps what matters and drops the rest.</source>
            <translation>特征图被切成 {k}×{k} 的窗口，每次移动 {s} 格，每个窗口只用其中的最大值代替。经过 ReLU 之后，最大值就是图案匹配得最好的地方，保留它就保留了要紧的信息，其余的则被舍弃。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="89" />
            <source>Average pooling</source>
            <translation>平均池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="90" />
            <source>The map is cut into {k}×{k} windows, moving {s} at a time, and each window is replaced by the mean of its values: the map is smoothed and shrunk, and no value is singled out.</source>
            <translation>特征图被切成 {k}×{k} 的窗口，每次移动 {s} 格，每个窗口用其中数值的平均值代替：特征图被平滑并缩小，没有哪个值被特别挑出来。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="95" />
            <source>Pooling has no weights to learn and treats every channel on its own. It makes the maps smaller, so later layers are cheaper and each of their pixels sees a larger part of the image, and a stroke that moves by a pixel still gives almost the same result.</source>
            <translation>池化没有需要学习的权重，并且对每个通道分别处理。它让特征图变小，于是后面的层计算更省，它们的每个像素也能看到图像更大的一部分；笔画移动一个像素，结果也几乎不变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="100" />
            <source>Why pool</source>
            <translation>为什么要池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="104" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="105" />
            <source>Each window of {n} values becomes 1 value: the map has {n} times fewer values.</source>
            <translation>每个含 {n} 个值的窗口变成 1 个值：特征图的数值个数变为原来的 1/{n}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="115" />
            <source>Colours: one scale, {peak}, for all {n} maps of this layer, as in the overview with the colour scale “Per layer” (“Per block” and “Whole network” can span more).</source>
            <translation>颜色：本层全部 {n} 张特征图共用一个色标 {peak}，与总览中色标选“按层”时相同（“按模块”和“整个网络”的范围可能更大）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="123" />
            <source>{n} of {total} values are not the maximum of any window and are dropped ({pct:.1f} %).</source>
            <translation>{total} 个值中有 {n} 个不是任何窗口的最大值，被舍弃了（{pct:.1f} %）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="130" />
            <source>{total} values are averaged into {out}: nothing is dropped, but {pct:.1f} % fewer numbers remain.</source>
            <translation>{total} 个值被平均成 {out} 个：没有值被舍弃，但剩下的数少了 {pct:.1f} %。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="137" />
            <source>The last {r} row(s) and {c} column(s) do not fill a whole window and are ignored (hatched).</source>
            <translation>最后 {r} 行和 {c} 列凑不满一个完整的窗口，因此被忽略（画有斜线）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="145" />
            <source>Padding {p} (hatched) holds −∞: it never wins, so every maximum is an input value.</source>
            <translation>填充 {p}（画有斜线）里是 −∞：它永远不会是最大值，所以每个最大值都来自输入。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="149" />
            <source>Padding {p} (hatched) holds 0 and counts in the divisor (count_include_pad): windows at the edge come out smaller.</source>
            <translation>填充 {p}（画有斜线）里是 0，并计入除数（count_include_pad）：边缘窗口的平均值因此偏小。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="153" />
            <source>Padding {p} (hatched) holds 0 and is left out of the divisor: a window at the edge divides by its input values only.</source>
            <translation>填充 {p}（画有斜线）里是 0，但不计入除数：边缘窗口只除以其中输入值的个数。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="161" />
            <source>Ceil mode: the output size is rounded up, so a last window may hang over the edge; the cells it reaches there are hatched and never count.</source>
            <translation>ceil 模式：输出尺寸向上取整，所以最后一个窗口可能伸出边缘；它在那里覆盖的格子画有斜线，永远不计入。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="169" />
            <source>window ({row}, {col})  ·  step {step} of {total}</source>
            <translation>窗口 ({row}, {col})  ·  第 {step} 步，共 {total} 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="179" />
            <source>Only the maximum gets the gradient</source>
            <translation>只有最大值得到梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="180" />
            <source>In the forward pass only the largest value of each {k}×{k} window reached the output, so only it can change the loss. The backward pass remembers where each maximum was (the mask) and routes the gradient there; the other cells get zero.</source>
            <translation>在前向传播中，每个 {k}×{k} 窗口只有最大值到达了输出，所以只有它能影响损失。反向传播记住每个最大值的位置（掩码），把梯度送到那里；其余格子得到 0。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="186" />
            <source>No weights</source>
            <translation>没有权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="186" />
            <source>Pooling has nothing to learn: it only passes gradients back.</source>
            <translation>池化没有需要学习的东西：它只是把梯度传回去。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="190" />
            <source>Spread evenly</source>
            <translation>平均分配</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="191" />
            <source>Every cell of a {k}×{k} window counted 1/{n} towards the average, so each receives 1/{n} of the window's gradient.</source>
            <translation>{k}×{k} 窗口中的每个格子在平均值中各占 1/{n}，所以每个格子得到窗口梯度的 1/{n}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="197" />
            <source>A window over the padding divides by fewer cells, so each of its input cells receives a larger share; what falls on the padding goes nowhere.</source>
            <translation>覆盖填充区的窗口除以的格子更少，所以其中每个输入格分到的份额更大；落在填充区的部分不传给任何格子。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="210" />
            <source>max of each {k}×{k} window</source>
            <translation>每个 {k}×{k} 窗口的最大值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="210" />
            <source>mean of each {k}×{k} window</source>
            <translation>每个 {k}×{k} 窗口的平均值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="217" />
            <source>Each window keeps only its largest value.</source>
            <translation>每个窗口只保留其中的最大值。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="218" />
            <source>Each window is replaced by its average.</source>
            <translation>每个窗口用其平均值代替。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="219" />
            <source>Each gradient goes back to the position of its window's maximum; the rest get 0.</source>
            <translation>每个梯度回到其窗口中最大值所在的位置；其余位置得到 0。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="220" />
            <source>Each gradient is spread evenly, 1/k² to every cell of its window.</source>
            <translation>每个梯度被平均分配，窗口中每个格子得到 1/k²。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="417" />
            <source>, padding {p}</source>
            <translation>，填充 {p}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="419" />
            <source>, ceil mode</source>
            <translation>，ceil 模式</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="423" />
            <source>−∞, so they never win</source>
            <translation>−∞，因此永远不会是最大值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="490" />
            <source>Channel (pooling works on each map alone)</source>
            <translation>通道（池化对每张特征图单独处理）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="572" />
            <source>window {i} of {n}</source>
            <translation>第 {i} 个窗口，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="575" />
            <source>A[{c}] (pool input)</source>
            <translation>A[{c}]（池化的输入）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="579" />
            <source>outlined: the window's maximum</source>
            <translation>框出的是窗口中的最大值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="579" />
            <source>the window</source>
            <translation>该窗口</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="585" />
            <source>mask</source>
            <translation>掩码</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="590" />
            <source>1 where the max was, 0 elsewhere</source>
            <translation>最大值所在处为 1，其余为 0</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="595" />
            <source>dL/dY[{c}]</source>
            <translation>dL/dY[{c}]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="598" />
            <source>gradient arriving at the pooled map</source>
            <translation>到达池化后特征图的梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="601" />
            <source>dL/dA[{c}]</source>
            <translation>dL/dA[{c}]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="605" />
            <source>built window by window</source>
            <translation>逐个窗口构建</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="611" />
            <source>window ({r},{s}): max {m} at ({i},{j}) → dL/dA[{i},{j}] += dL/dY[{r},{s}] = &lt;b&gt;{v}&lt;/b&gt;; the other {n} cells get 0</source>
            <translation>窗口 ({r},{s})：最大值 {m} 位于 ({i},{j}) → dL/dA[{i},{j}] += dL/dY[{r},{s}] = &lt;b&gt;{v}&lt;/b&gt;；其余 {n} 个格子得到 0</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="617" />
            <source>window ({r},{s}): each of the {n} cells gets dL/dY[{r},{s}] / {n} = {g} / {n} = &lt;b&gt;{v}&lt;/b&gt;</source>
            <translation>窗口 ({r},{s})：{n} 个格子各得到 dL/dY[{r},{s}] / {n} = {g} / {n} = &lt;b&gt;{v}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="634" />
            <source>Spread over the whole map</source>
            <translation>摊到整张特征图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="635" />
            <source>Every one of the map's H·W cells counted 1/(H·W) towards its channel's mean, so each receives 1/(H·W) of that channel's gradient.</source>
            <translation>特征图的 H·W 个格子在该通道的均值中各占 1/(H·W)，所以每个格子得到该通道梯度的 1/(H·W)。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="643" />
            <source>Global average pooling</source>
            <translation>全局平均池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="644" />
            <source>Each map is replaced by one number, the mean of all its values: a window as large as the map. The network then has one number per channel, however large the image, so no Flatten and far fewer dense weights are needed.</source>
            <translation>每张特征图被替换成一个数：它所有值的平均，相当于一个和特征图一样大的窗口。这样无论图像多大，网络每个通道都只有一个数，因此不需要展平，全连接层的权重也少得多。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="698" />
            <source>{name} (global average pooling): {c} maps become {c} numbers</source>
            <translation>{name}（全局平均池化）：{c} 张特征图变成 {c} 个数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="713" />
            <source>every value of the map</source>
            <translation>特征图的每个值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="715" />
            <source>output: one mean per map</source>
            <translation>输出：每张特征图一个均值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="718" />
            <source>the mean of map {c}</source>
            <translation>特征图 {c} 的均值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="723" />
            <source>y[{c}] = (sum of the {n} values) / {n} = {s} / {n} = {y}</source>
            <translation>y[{c}] =（{n} 个值之和）/ {n} = {s} / {n} = {y}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="763" />
            <source>dL/dy (from above)</source>
            <translation>dL/dy（来自上层）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="766" />
            <source>one gradient per map</source>
            <translation>每张特征图一个梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="772" />
            <source>the same share in every cell</source>
            <translation>每个格子分到同样的一份</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="777" />
            <source>each of the {n} cells gets dL/dy[{c}] / {n} = {g} / {n} = &lt;b&gt;{v}&lt;/b&gt;</source>
            <translation>{n} 个格子各得 dL/dy[{c}] / {n} = {g} / {n} = &lt;b&gt;{v}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="785" />
            <source>mean of each whole map: one number per channel</source>
            <translation>每张完整特征图的均值：每个通道一个数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="791" />
            <source>Each channel's gradient is spread evenly, 1/(H·W), over its map.</source>
            <translation>每个通道的梯度平均摊到它的特征图上，每格 1/(H·W)。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="792" />
            <source>Each map is replaced by its mean.</source>
            <translation>每张特征图被替换成它的均值。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="29" />
            <source>Per layer</source>
            <translation>按层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="29" />
            <source>Per block</source>
            <translation>按模块</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="29" />
            <source>Whole network</source>
            <translation>整个网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="35" />
            <source>Each layer's colours span its own range: every layer's pattern is visible</source>
            <translation>每层的颜色覆盖该层自身的数值范围：每一层的图案都清晰可见</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="36" />
            <source>Layers of one conv-ReLU-pool block share a range</source>
            <translation>同一个“卷积-ReLU-池化”模块中的各层共用一个范围</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="37" />
            <source>One range for the whole network: compare magnitudes between layers</source>
            <translation>整个网络共用一个范围：可以比较各层数值的大小</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="58" />
            <source>&amp;Open image…</source>
            <translation>打开图片(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="59" />
            <source>Load a picture (PNG, JPEG, …) into the canvas</source>
            <translation>把一张图片（PNG、JPEG 等）载入画布</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="65" />
            <source>Open &amp;model…</source>
            <translation>打开模型(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="66" />
            <source>Use a network saved as a model file (.npz or .onnx) instead of the current one</source>
            <translation>用保存为模型文件（.npz 或 .onnx）的网络替换当前网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="72" />
            <source>&amp;Save model…</source>
            <translation>保存模型(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="73" />
            <source>Save the network in use, with its weights, as a model file (.npz)</source>
            <translation>把正在使用的网络连同权重保存为模型文件（.npz）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="79" />
            <source>&amp;Restore bundled model</source>
            <translation>恢复自带的模型(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="80" />
            <source>Use the trained model that comes with the app again, undoing Learn steps and training</source>
            <translation>重新使用应用自带的已训练模型，撤销“学习这个数字”的各步和训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="88" />
            <source>Export &amp;ONNX…</source>
            <translation>导出 &amp;ONNX…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="89" />
            <source>Save the network in use as an ONNX file for PyTorch, onnxruntime or Netron</source>
            <translation>把当前网络保存为 ONNX 文件，供 PyTorch、onnxruntime 或 Netron 使用</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="95" />
            <source>&amp;Check ONNX import…</source>
            <translation>检查 ONNX 导入(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="96" />
            <source>Compare the opened ONNX file's numbers with the app's, layer by layer</source>
            <translation>逐层比较所打开的 ONNX 文件与本应用的数值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="102" />
            <source>&amp;Export view as PNG…</source>
            <translation>将视图导出为 PNG(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="103" />
            <source>Save the overview as a PNG image</source>
            <translation>把总览图保存为 PNG 图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="109" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="110" />
            <source>Close the app</source>
            <translation>关闭程序</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="116" />
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="117" />
            <source>Undo the last stroke, Clear or loaded image</source>
            <translation>撤销上一笔、清空或载入的图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="123" />
            <source>&amp;Clear</source>
            <translation>清空(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="124" />
            <source>Erase the canvas</source>
            <translation>擦除整个画布</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="131" />
            <source>&amp;Eraser</source>
            <translation>橡皮擦(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="132" />
            <source>The left button erases while this is on</source>
            <translation>开启后左键用来擦除</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="139" />
            <source>&amp;Bigger brush</source>
            <translation>加粗画笔(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="140" />
            <source>Make the brush thicker</source>
            <translation>让画笔更粗</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="146" />
            <source>&amp;Smaller brush</source>
            <translation>减细画笔(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="147" />
            <source>Make the brush thinner</source>
            <translation>让画笔更细</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="153" />
            <source>&amp;Dark palette</source>
            <translation>深色主题(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="154" />
            <source>Switch between light and dark colours</source>
            <translation>在浅色和深色之间切换</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="161" />
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="162" />
            <source>Larger fonts and maps, for projectors</source>
            <translation>更大的字体和特征图，适合投影</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="169" />
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="170" />
            <source>Smaller fonts and maps</source>
            <translation>更小的字体和特征图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="176" />
            <source>&amp;Reset zoom</source>
            <translation>恢复原始大小(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="177" />
            <source>Normal size</source>
            <translation>正常大小</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="183" />
            <source>&amp;Present</source>
            <translation>演示模式(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="184" />
            <source>Full screen for a projector: large maps, no menus or hints; F11 or Esc leaves</source>
            <translation>全屏，适合投影仪：大图，不显示菜单和提示；按 F11 或 Esc 退出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="191" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="192" />
            <source>List every keyboard shortcut</source>
            <translation>列出所有键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="195" />
            <source>&amp;About</source>
            <translation>关于(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="195" />
            <source>What this app is</source>
            <translation>这个程序是做什么的</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="217" />
            <source>&amp;Forward</source>
            <translation>前向(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="218" />
            <source>Show what every layer computes from your input (activations)</source>
            <translation>显示每一层根据你的输入算出了什么（激活值）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="225" />
            <source>&amp;Backward</source>
            <translation>反向(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="226" />
            <source>Show the gradients flowing back from the loss: how every value should change</source>
            <translation>显示从损失反向流回的梯度：每个值应该如何变化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="239" />
            <source>Back to the &amp;overview</source>
            <translation>返回总览(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="240" />
            <source>Close the explanation and show every layer</source>
            <translation>关闭讲解，显示所有层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="247" />
            <source>&amp;Network overview</source>
            <translation>网络总览(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="248" />
            <source>Every layer of the network, live, as you draw</source>
            <translation>网络的每一层，随你书写实时更新</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="296" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="303" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="307" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="310" />
            <source>Colour &amp;scale</source>
            <translation>色标(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="319" />
            <source>&amp;Learn</source>
            <translation>学习(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="320" />
            <source>Le&amp;ssons</source>
            <translation>课程(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="322" />
            <source>&amp;Model</source>
            <translation>模型(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="326" />
            <source>&amp;Data set</source>
            <translation>数据集(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="331" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="343" />
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="351" />
            <source>Lessons</source>
            <translation>课程</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="353" />
            <source>The seeds' other lessons and the what-if experiments, one tab each</source>
            <translation>种子材料中的其他课程和“假如”实验，每个一个标签页</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="356" />
            <source>Show the app in {language}</source>
            <translation>以 {language} 显示程序</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="361" />
            <source>Left mouse button</source>
            <translation>鼠标左键</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="361" />
            <source>Draw</source>
            <translation>书写</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="362" />
            <source>Right mouse button</source>
            <translation>鼠标右键</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="362" />
            <source>Erase</source>
            <translation>擦除</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="363" />
            <source>Click a map</source>
            <translation>点击一张图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="363" />
            <source>How its layer computed it</source>
            <translation>它所在的层是如何算出它的</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="364" />
            <source>Right-click a map</source>
            <translation>右键点击一张图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="364" />
            <source>Which pixels that unit sees (Receptive fields)</source>
            <translation>那个单元看到了哪些像素（感受野）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="372" />
            <source>Colour scale: {mode}</source>
            <translation>色标：{mode}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="375" />
            <source>Esc (while pinned)</source>
            <translation>Esc（已固定时）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="375" />
            <source>Unpin, before Esc clears the canvas</source>
            <translation>取消固定（优先于 Esc 清空画布）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="382" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="398" />
            <source>About MNIST CNN Explainer</source>
            <translation>关于 MNIST CNN 可视化讲解</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="401" />
            <source>&lt;h3&gt;MNIST CNN Explainer&lt;/h3&gt;&lt;p&gt;Draw a digit and watch a convolutional neural network read it: every layer's feature maps, live, with the real numbers.&lt;/p&gt;&lt;p&gt;Inspired by CNN Explainer (Polo Club of Data Science), rebuilt natively on MNIST with a NumPy network.&lt;/p&gt;&lt;p&gt;Model: {layers} layers, {params:,} parameters.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;MNIST CNN 可视化讲解&lt;/h3&gt;&lt;p&gt;写一个数字，看卷积神经网络如何读懂它：每一层的特征图都实时显示，并附上真实的数值。&lt;/p&gt;&lt;p&gt;灵感来自 CNN Explainer（Polo Club of Data Science），本程序基于 MNIST 和一个用 NumPy 实现的网络，作为桌面程序重新编写。&lt;/p&gt;&lt;p&gt;模型：{layers} 层，{params:,} 个参数。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/compare.py" line="31" />
            <source>&amp;Pin to compare</source>
            <translation>固定以比较(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/compare.py" line="32" />
            <source>Pin the maps now; every change then shows as the difference from them (Esc unpins)</source>
            <translation>固定当前的特征图；之后的每个改动都显示为与它们的差（Esc 取消固定）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/compare.py" line="38" />
            <source>Show the &amp;difference from the pinned maps</source>
            <translation>显示与固定特征图的差(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/compare.py" line="39" />
            <source>While pinned: the change since pinning (on) or the maps now (off)</source>
            <translation>固定时：显示固定以来的变化（开）或当前的特征图（关）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/compare.py" line="47" />
            <source>&amp;Unpin</source>
            <translation>取消固定(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/compare.py" line="48" />
            <source>Stop comparing with the pinned maps</source>
            <translation>不再与固定的特征图比较</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/compare.py" line="60" />
            <source>Draw something first: there is nothing to pin.</source>
            <translation>请先画点什么：现在没有可固定的内容。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/compare.py" line="67" />
            <source>Pinned. Change anything: the maps show the difference. D: difference / now, Esc: unpin.</source>
            <translation>已固定。随便改动：特征图会显示差值。D：差值 / 当前，Esc：取消固定。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/compare.py" line="136" />
            <source>Compare: each map shows now − pinned (red: grew, blue: shrank); the bars show the change of each probability in points. D shows the maps now, Esc unpins.</source>
            <translation>比较：每张图显示 当前 − 固定（红：增大，蓝：减小）；条形显示每个概率变化了多少个百分点。D 显示当前的特征图，Esc 取消固定。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/compare.py" line="140" />
            <source>Compare: a trace is pinned; D shows the difference from it again, Esc unpins.</source>
            <translation>比较：已固定一次计算；D 重新显示与它的差，Esc 取消固定。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="30" />
            <source>&amp;MNIST digits</source>
            <translation>MNIST 手写数字(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="30" />
            <source>&amp;Fashion-MNIST clothes</source>
            <translation>Fashion-MNIST 服饰(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="36" />
            <source>Handwritten digits 0-9, with the network trained on them</source>
            <translation>手写数字 0–9，以及在其上训练好的网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="37" />
            <source>Photos of clothes, shoes and bags in ten classes, with the network trained on them</source>
            <translation>十类衣服、鞋子和包的照片，以及在其上训练好的网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="65" />
            <source>CNN Explainer: {name}</source>
            <translation>CNN 讲解器：{name}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="71" />
            <source>Draw a digit</source>
            <translation>写一个数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="73" />
            <source>Draw a piece of clothing</source>
            <translation>画一件服饰</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="74" />
            <source>Draw or open an image</source>
            <translation>画一张或打开一张图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="117" />
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="124" />
            <source>Cannot switch the data set</source>
            <translation>无法切换数据集</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="132" />
            <source>Now working on {name}, with its bundled model</source>
            <translation>现在使用 {name} 及其自带的模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="134" />
            <source>Now working on your images in {name}: {classes}</source>
            <translation>现在使用 {name} 中你自己的图像：{classes}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="149" />
            <source>This model was trained on {model_data}, so the window now works on {model_data} instead of {old}. Model → Data set switches back.</source>
            <translation>这个模型是在 {model_data} 上训练的，所以窗口现在改用 {model_data}，不再用 {old}。用“模型 → 数据集”可以切换回去。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="155" />
            <source>This model's {count} classes ({classes}) are not those of {name}, and it fits no bundled data set. The window stays on {name}: the gallery, training and the test set use {name}'s images and labels.</source>
            <translation>这个模型的 {count} 个类别（{classes}）不是 {name} 的类别，也不属于任何自带的数据集。窗口仍使用 {name}：示例图库、训练和测试集都用 {name} 的图片和标签。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="159" />
            <location filename="../../explainer/gui/pages/sidebyside.py" line="270" />
            <location filename="../../explainer/gui/tour/stops.py" line="125" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/detail.py" line="99" />
            <source>{name}: weight W[{o}, {c}, {r}, {k}] set to {v}. Model → Restore bundled model undoes it.</source>
            <translation>{name}：权重 W[{o}, {c}, {r}, {k}] 设为 {v}。“模型 → 恢复自带的模型”可以撤销。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/detail.py" line="120" />
            <source>Backward pass through {name}</source>
            <translation>反向穿过 {name}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/detail.py" line="121" />
            <source>Forward pass: {name}</source>
            <translation>前向传播：{name}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/detail.py" line="249" />
            <source>What {name} channel {c} looks for</source>
            <translation>{name} 通道 {c} 在找什么</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/detail.py" line="256" />
            <source>The {k} test images it responds to most (the outlined patch is what its strongest unit sees), and on the right an input made to excite it, from grey by gradient ascent.</source>
            <translation>最能激活它的 {k} 张测试图像（框出的区域是其最强单元能看到的部分），右边是从灰色开始、经梯度上升生成的能激活它的输入。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="41" />
            <source>Open model</source>
            <translation>打开模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="43" />
            <source>Model files ({patterns});;All files (*)</source>
            <translation>模型文件 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="53" />
            <source>Save model</source>
            <translation>保存模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="55" />
            <source>Model files ({patterns})</source>
            <translation>模型文件 ({patterns})</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="67" />
            <source>Cannot open the model</source>
            <translation>无法打开模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="76" />
            <source>Cannot save the model</source>
            <translation>无法保存模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="85" />
            <source>{file}: {problem}</source>
            <translation>{file}：{problem}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="102" />
            <source>Using an untrained network with random weights: its predictions mean nothing.</source>
            <translation>正在使用一个权重随机、未经训练的网络：它的预测没有意义。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="132" />
            <source>Opened the model {name}: {layers} layers, {params:,} weights</source>
            <translation>已打开模型 {name}：{layers} 层，{params:,} 个权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="146" />
            <source>Saved the model to {path}</source>
            <translation>模型已保存到 {path}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="155" />
            <source>Cannot restore the bundled model</source>
            <translation>无法恢复随附的模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="160" />
            <location filename="../../explainer/gui/pages/learn.py" line="290" />
            <source>The bundled model is back.</source>
            <translation>已恢复自带的模型。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="66" />
            <source>pixels in [0, 1] (the default)</source>
            <translation>像素在 [0, 1] 之间（默认）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="67" />
            <source>pixels in [0, 255]</source>
            <translation>像素在 [0, 255] 之间</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="68" />
            <source>MNIST's mean 0.1307 and std 0.3081</source>
            <translation>MNIST 的均值 0.1307 和标准差 0.3081</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="69" />
            <source>custom mean and std</source>
            <translation>自定义均值和标准差</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="126" />
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="261" />
            <source>ONNX import</source>
            <translation>ONNX 导入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="136" />
            <source>The file's numbers against ours, on {n} gallery images:</source>
            <translation>在 {n} 张示例图像上，文件的数值与我们的数值对比：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="149" />
            <source>The file does not say how its input is scaled. Which is it?</source>
            <translation>文件没有说明输入是如何缩放的。是哪一种？</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="166" />
            <source>mean</source>
            <translation>均值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="168" />
            <source>std</source>
            <translation>标准差</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="177" />
            <source>{name}: {right:.0%} of the {n} gallery images right, mean loss {loss:.3g}</source>
            <translation>{name}：{n} 张示例图像中答对 {right:.0%}，平均损失 {loss:.3g}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="184" />
            <source>The scaling the model was trained with gets the gallery right with the smallest loss; a wrong one often keeps the answers but makes the model wildly over- or under-confident.</source>
            <translation>模型训练时所用的缩放能以最小的损失答对示例图像；错误的缩放往往答案不变，却让模型过分自信或毫无把握。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="196" />
            <location filename="../../explainer/gui/pages/design.py" line="332" />
            <location filename="../../explainer/gui/pages/receptive.py" line="177" />
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="196" />
            <source>ONNX nodes</source>
            <translation>ONNX 节点</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="196" />
            <source>Largest difference</source>
            <translation>最大差值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="205" />
            <source>The reference evaluator could not run this file: {error}</source>
            <translation>参考求值器无法运行这个文件：{error}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/onnximport.py" line="261" />
            <source>The model in use was not opened from an ONNX file in this session.</source>
            <translation>当前使用的模型不是本次会话中从 ONNX 文件打开的。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/screen.py" line="138" />
            <source>The window cannot grow any larger on this screen</source>
            <translation>窗口在此屏幕上无法再放大</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="154" />
            <source>The model could not be loaded</source>
            <translation>无法加载模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="191" />
            <source>Opened an image labelled {label}</source>
            <translation>已打开一张标签为 {label} 的图像</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="216" />
            <source>Cannot open this image</source>
            <translation>无法打开这张图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="218" />
            <source>Opened {name}</source>
            <translation>已打开 {name}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="226" />
            <source>Cannot export the view</source>
            <translation>无法导出视图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="228" />
            <location filename="../../explainer/gui/pages/generative_morph.py" line="252" />
            <location filename="../../explainer/gui/pages/generative_train.py" line="366" />
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="321" />
            <source>Left button draws, right button erases. The network updates as you draw.</source>
            <translation>按住左键书写，右键擦除。网络会随着你的书写实时更新。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="322" />
            <source>Brush</source>
            <translation>画笔</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="324" />
            <source>Brush size: thicker strokes look more like MNIST digits</source>
            <translation>画笔粗细：笔画粗一些更像 MNIST 数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="326" />
            <source>Brush size: thick strokes fill large shapes quickly</source>
            <translation>画笔粗细：粗笔画能很快涂满大块形状</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="328" />
            <source>What the network sees</source>
            <translation>网络看到的输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="330" />
            <source>Your drawing, cropped, scaled to 20x20 and centred in 28x28 pixels, like the MNIST digits.</source>
            <translation>你的手写经过裁剪、缩放到 20x20，再居中放进 28x28 像素的图像，与 MNIST 数字的处理方式相同。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="332" />
            <source>Your drawing or photo, cropped to the object, its longer side scaled to 28 pixels and its box centred, like the Fashion-MNIST photos.</source>
            <translation>你的画或照片：裁剪到物体，长边缩放到 28 像素，外框居中，就像 Fashion-MNIST 的照片。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="337" />
            <source>Or pick a test digit</source>
            <translation>或者选一个测试数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="337" />
            <source>Or pick a test image</source>
            <translation>或者选一张测试图像</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="338" />
            <source>Colour scale:</source>
            <translation>色标：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="340" />
            <source>How colours are scaled: each layer on its own, each block (conv, ReLU, pool) together, or one scale for the whole network so layers can be compared.</source>
            <translation>颜色的缩放方式：每层单独缩放，每个模块（卷积、ReLU、池化）共用一个范围，或整个网络共用一个范围，便于比较各层。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="352" />
            <source>Mode:</source>
            <translation>模式：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="353" />
            <source>Model changed by Learn this example:</source>
            <translation>模型已被“学习这个样本”改变：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="354" />
            <location filename="../../explainer/gui/pages/learn.py" line="151" />
            <location filename="../../explainer/gui/pages/sanity.py" line="449" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="355" />
            <source>Put back the weights from before the last Learn step</source>
            <translation>恢复上一次学习步骤之前的权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="360" />
            <source>Time of the last update: preprocessing, the forward pass and refreshing the views</source>
            <translation>上一次更新所用的时间：预处理、前向传播和刷新视图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="591" />
            <source>Cannot use this input</source>
            <translation>无法使用这个输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="599" />
            <source>update {ms:.1f} ms</source>
            <translation>更新 {ms:.1f} 毫秒</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="605" />
            <source>Draw a digit to see what the network thinks</source>
            <translation>写一个数字，看看网络怎么认为</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="607" />
            <source>Draw or pick an image to see what the network thinks</source>
            <translation>画一张或选一张图片，看看网络怎么想</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="612" />
            <source>Prediction: {name} ({percent:.1f} %)</source>
            <translation>预测：{name}（{percent:.1f} %）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="633" />
            <source>⚠ This does not look like the digits the network was trained on (score {score:.1f})</source>
            <translation>⚠ 这看起来不像网络训练时见过的数字（异常分数 {score:.1f}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="646" />
            <source>Loss L = {loss} for the target {name} (the predicted class)</source>
            <translation>目标 {name}（预测的类别）的损失 L = {loss}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="648" />
            <source>Loss L = {loss} for the true label {name}</source>
            <translation>对真实标签 {name} 的损失 L = {loss}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="654" />
            <source>Explaining class {name}: its score z = {score}</source>
            <translation>正在解释类别 {name}：它的得分 z = {score}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="662" />
            <source>Backward: each map shows ∂L/∂a, how the loss changes when that value grows (red: the loss rises, blue: it falls). Click a map to see the gradient flow back through its layer.</source>
            <translation>反向：每张图显示 ∂L/∂a，即这个值变大时损失如何变化（红色：损失上升，蓝色：损失下降）。点击一张图，查看梯度如何反向穿过它所在的层。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="667" />
            <source>Forward: each map shows what its layer computed from your input (red: positive, blue: negative). Click any map to see how it was computed; right-click a point of it to see which pixels that unit sees.</source>
            <translation>前向：每张图显示它所在的层根据你的输入算出了什么（红色：正，蓝色：负）。点击任意一张图，查看它是如何算出来的；右键点击图上的一点，查看那个单元看到了哪些像素。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="726" />
            <source>Training: the network updates every few steps</source>
            <translation>训练中：网络每隔几步更新一次</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="726" />
            <source>Training ended</source>
            <translation>训练已结束</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="811" />
            <source>Loaded a test image labelled {label}</source>
            <translation>已载入一张标签为 {label} 的测试图像</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="837" />
            <location filename="../../explainer/gui/pages/generative_morph.py" line="267" />
            <source>Open image</source>
            <translation>打开图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="837" />
            <location filename="../../explainer/gui/pages/generative_morph.py" line="269" />
            <source>Images ({patterns});;All files (*)</source>
            <translation>图片 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="845" />
            <source>Export view as PNG</source>
            <translation>将视图导出为 PNG</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="845" />
            <source>PNG images (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/layout.py" line="221" />
            <location filename="../../explainer/gui/network/overview.py" line="515" />
            <location filename="../../explainer/gui/network/overview.py" line="589" />
            <location filename="../../explainer/gui/pages/activations.py" line="296" />
            <source>softmax</source>
            <translation>softmax</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="291" />
            <source>{shape} values · min {lo} · max {hi}</source>
            <translation>{shape} 个数值 · 最小 {lo} · 最大 {hi}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="321" />
            <source>Hover a cell to read its value.</source>
            <translation>把鼠标移到格子上即可读出它的数值。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="327" />
            <source>row {r}, col {c}: {v}</source>
            <translation>第 {r} 行，第 {c} 列：{v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="330" />
            <source>value {i}: {v}</source>
            <translation>第 {i} 个值：{v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="361" />
            <source>input · channel {c} · {shape}</source>
            <translation>输入 · 通道 {c} · {shape}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="363" />
            <location filename="../../explainer/gui/network/mapdetail.py" line="367" />
            <source>dL/d </source>
            <translation>dL/d </translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="369" />
            <source>{p}{name} · channel {c} of {n} · {shape}</source>
            <translation>{p}{name} · 第 {c} 个通道，共 {n} 个 · {shape}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="379" />
            <source>{p}{name} · values {a}-{b} of {n} (= {before} channel {c})</source>
            <translation>{p}{name} · 第 {a}-{b} 个值，共 {n} 个（= {before} 的第 {c} 个通道）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="395" />
            <source>{p}{name} · the {n} logits, class {i} outlined</source>
            <translation>{p}{name} · {n} 个 logits，已框出类别 {i}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="399" />
            <source>{p}{name} · value {i} of {n}</source>
            <translation>{p}{name} · 第 {i} 个值，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="742" />
            <source>{name} · channel {c} of {n}</source>
            <translation>{name} · 第 {c} 个通道，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="744" />
            <source>{name} · logit of class {k}</source>
            <translation>{name} · 类别 {k} 的 logit</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="746" />
            <source>{name} · value {i} of {n}</source>
            <translation>{name} · 第 {i} 个值，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="748" />
            <source>no gradient (no target)</source>
            <translation>没有梯度（未设目标）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="748" />
            <source>no input yet</source>
            <translation>还没有输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="751" />
            <source>value {v}</source>
            <translation>数值 {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="756" />
            <source>= {name} channel {c}, row {r}, col {k}</source>
            <translation>= {name} 第 {c} 个通道，第 {r} 行，第 {k} 列</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="762" />
            <source>min {lo}   max {hi}</source>
            <translation>最小 {lo}   最大 {hi}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="878" />
            <source>Overview</source>
            <translation>总览</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/prediction.py" line="73" />
            <source>Probability of each class (softmax of the logits); the top one is the prediction</source>
            <translation>每个类别的概率（对 logits 做 softmax）；最高的就是预测结果</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/prediction.py" line="128" />
            <source>Unusual input (score {score:.1f}; 99% of digits stay under {threshold:.1f}): this does not look like the digits the network was trained on, so its answer means little.</source>
            <translation>异常输入（分数 {score:.1f}；99% 的数字低于 {threshold:.1f}）：这看起来不像网络训练时见过的数字，所以它的回答意义不大。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/prediction.py" line="337" />
            <source>Prediction</source>
            <translation>预测</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="30" />
            <source>Step through</source>
            <translation>逐步执行</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="31" />
            <source>One training step on your input, stage by stage: forward, loss, backward, update</source>
            <translation>在你的输入上执行一次训练，逐个阶段：前向、损失、反向、更新</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="35" />
            <source>One training step, stage by stage</source>
            <translation>一次训练，逐个阶段</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="41" />
            <source>Attribution</source>
            <translation>归因</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="42" />
            <source>Which pixels of your input the score depends on: gradients, SmoothGrad, IG, Grad-CAM</source>
            <translation>得分取决于你的输入中的哪些像素：梯度、SmoothGrad、IG、Grad-CAM</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="47" />
            <source>Which pixels matter?</source>
            <translation>哪些像素重要？</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="53" />
            <location filename="../../explainer/gui/pages/__init__.py" line="58" />
            <source>Learn this example</source>
            <translation>学习这个样本</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="54" />
            <source>Label your input, take one SGD step and see what changed; Undo puts the weights back</source>
            <translation>给你的输入打上标签，执行一步 SGD，看看有什么变化；“撤销”会恢复权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="64" />
            <source>Gradient check</source>
            <translation>梯度检验</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="65" />
            <source>Compare back-propagation with central differences for pixels and weights you pick</source>
            <translation>针对你挑选的像素和权重，比较反向传播与中心差分的结果</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="69" />
            <source>Gradient check: backprop vs. central differences</source>
            <translation>梯度检验：反向传播与中心差分对比</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="75" />
            <location filename="../../explainer/gui/pages/playground.py" line="263" />
            <source>Playground</source>
            <translation>试验场</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="76" />
            <source>Try input size, kernel size, padding and stride, and see the output size worked out</source>
            <translation>试试不同的输入尺寸、卷积核大小、填充和步幅，看输出尺寸是怎么算出来的</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="85" />
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="86" />
            <source>Train the network on the data set in use and watch the loss fall and the filters form</source>
            <translation>在当前数据集上训练网络，看着损失下降、滤波器逐渐成形</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="90" />
            <source>Train the network</source>
            <translation>训练网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="96" />
            <source>Design</source>
            <translation>设计</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="97" />
            <source>Design your own network: blocks, channels, kernels, pooling, dense layers</source>
            <translation>设计你自己的网络：模块、通道、卷积核、池化、全连接层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="102" />
            <source>Design a network</source>
            <translation>设计网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="103" />
            <source>Choose the blocks of convolutions, the pooling and the dense layers. The table shows what each layer outputs and how many weights it learns, before anything is built.</source>
            <translation>选择卷积模块、池化和全连接层。在真正构建之前，表格就会显示每一层输出什么、要学习多少个权重。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="112" />
            <source>Test set</source>
            <translation>测试集</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="113" />
            <source>Accuracy on the data set's test images, the confusion matrix and the mistakes</source>
            <translation>在数据集测试图片上的准确率、混淆矩阵和分类错误</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="117" />
            <source>Test the network</source>
            <translation>测试网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="123" />
            <source>Generative</source>
            <translation>生成模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="124" />
            <source>A variational autoencoder on your drawing: its latent map, the reparameterization, the loss terms, morphing and training</source>
            <translation>在你的绘画上运行变分自编码器：潜在空间地图、重参数化、损失项、渐变和训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="137" />
            <location filename="../../explainer/gui/pages/__init__.py" line="142" />
            <source>What if: adversarial</source>
            <translation>假如：对抗样本</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="138" />
            <source>An FGSM step on your input: invisible changes that fool the network, and why</source>
            <translation>在你的输入上走一步 FGSM：看不出的改动如何骗过网络，以及原因</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="148" />
            <source>Filters</source>
            <translation>滤波器</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="149" />
            <source>What each filter of every conv layer looks for: its top test images and a synthesised input</source>
            <translation>每个卷积层的每个滤波器在找什么：最能激活它的测试图像和合成的输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="155" />
            <source>What each filter looks for</source>
            <translation>每个滤波器在找什么</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="156" />
            <source>Pick a conv layer and a channel (one filter). The test images that excite it most show what it responds to in real data; the synthesised image shows what it responds to when nothing else is there.</source>
            <translation>选择一个卷积层和一个通道（一个滤波器）。最能激活它的测试图像显示它在真实数据中对什么有反应；合成的图像显示在没有其他内容时它对什么有反应。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="166" />
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="193" />
            <source>1-D convolution</source>
            <translation>一维卷积</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="167" />
            <source>A kernel sliding along a signal: narrow, wide, equal width; convolution or correlation</source>
            <translation>卷积核沿信号滑动：窄卷积、宽卷积、等宽卷积；卷积还是互相关</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="176" />
            <location filename="../../explainer/gui/pages/__init__.py" line="183" />
            <source>Activations and losses</source>
            <translation>激活函数与损失函数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="177" />
            <source>Sigmoid, tanh, ReLU, leaky ReLU, softmax and eight losses, with their gradients on your input</source>
            <translation>Sigmoid、tanh、ReLU、Leaky ReLU、softmax 和八种损失函数，以及它们在你的输入上的梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="184" />
            <source>Seed 004's table of activation functions and its losses, each with its derivative, and where your input's numbers fall on them.</source>
            <translation>种子材料 004 中的激活函数表和损失函数，每个都画出其导数，并标出你的输入的数值落在曲线的什么位置。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="193" />
            <source>Gradient descent</source>
            <translation>梯度下降</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="194" />
            <source>Full batch, SGD and mini-batch descent raced from the same initial weights</source>
            <translation>全批量、SGD 与小批量梯度下降，从同一组初始权重出发一起比赛</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="198" />
            <source>Gradient descent: full batch, stochastic and mini-batch</source>
            <translation>梯度下降：全批量、随机与小批量</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="199" />
            <source>Full-batch gradient descent averages the gradient over every example before one update; SGD updates after each single example; mini-batch descent after each b examples (seed 003: b is usually about 10). All three train copies of one small CNN (conv 4@3×3, ReLU, max-pool, dense) from the same initial weights, on the same images, at the same learning rate.</source>
            <translation>全批量梯度下降先把所有样本的梯度平均，再更新一次；SGD 每看一个样本就更新一次；小批量梯度下降每 b 个样本更新一次（种子材料 003：b 一般取 10 左右）。三者都从同一组初始权重出发，在同样的图像上、用同样的学习率，训练同一个小 CNN（卷积 4@3×3、ReLU、最大池化、全连接）的副本。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="211" />
            <location filename="../../explainer/gui/pages/__init__.py" line="216" />
            <source>Receptive fields</source>
            <translation>感受野</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="212" />
            <source>How many outputs each pixel feeds, and which pixels one unit of any layer sees</source>
            <translation>每个像素影响多少个输出，以及任意一层的一个单元看到哪些像素</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="217" />
            <source>A pixel near the border is covered by fewer positions of the kernel than one in the middle, so without padding it feeds fewer outputs (seed 000, Fig. 5). Below, click a unit of any layer: the pixels it sees are outlined, and its effective weight shows how much each one moves it.</source>
            <translation>边缘附近的像素被卷积核覆盖的位置比中间的像素少，所以不加填充时它影响的输出更少（种子文本 000，图 5）。在下方点击任意一层的一个单元：它看到的像素会被框出，它的有效权重显示每个像素能让它变化多少。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="228" />
            <source>Side by side</source>
            <translation>并排对比</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="229" />
            <source>The first layer of the digits network and of the clothes network, side by side</source>
            <translation>把手写数字网络和服装网络的第一层并排对比</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="233" />
            <source>Side by side: digits and clothes</source>
            <translation>并排对比：手写数字与服装</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="234" />
            <source>The same architecture, trained once on handwritten digits and once on photos of clothes. Look at the kernels first: with only 3×3 pixels each, the first layer of both networks learns small edge and ink detectors, and most pairs look alike. Then look at the maps: on a digit they light up along the thin strokes; on a piece of clothing along its outline, and a kernel whose weights add up to far from zero also over its filled areas.</source>
            <translation>同一个架构，一次在手写数字上训练，一次在服装照片上训练。先看卷积核：每个只有 3×3 个像素，两个网络的第一层学到的都是小小的边缘和笔迹检测器，大多数卷积核成对看起来很像。再看特征图：对数字，它们沿着细细的笔画亮起来；对服装，它们沿着轮廓亮起来，而权重之和离零较远的卷积核还会在整块填充的区域亮起来。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="246" />
            <location filename="../../explainer/gui/pages/debias.py" line="167" />
            <source>Debiasing (DB-VAE)</source>
            <translation>去偏（DB-VAE）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="247" />
            <source>Which training examples are rare in the VAE's latent space, and how often DB-VAE draws them</source>
            <translation>哪些训练样本在 VAE 的潜空间中少见，DB-VAE 又多久抽到它们一次</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="284" />
            <source>Activations</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="285" />
            <source>Losses</source>
            <translation>损失函数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="286" />
            <location filename="../../explainer/gui/pages/design.py" line="311" />
            <source>Activation</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="287" />
            <source>Pre-activations of</source>
            <translation>预激活值来自</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="295" />
            <source>leaky ReLU</source>
            <translation>Leaky ReLU</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="299" />
            <location filename="../../explainer/gui/pages/stepper.py" line="58" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="302" />
            <location filename="../../explainer/gui/pages/stepper.py" line="111" />
            <location filename="../../explainer/gui/pages/stepper.py" line="130" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="303" />
            <source>value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="304" />
            <source>∂L/∂p of the class</source>
            <translation>该类别的 ∂L/∂p</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="305" />
            <source>∂L/∂z of the class</source>
            <translation>该类别的 ∂L/∂z</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="306" />
            <source>largest |∂L/∂z|</source>
            <translation>最大的 |∂L/∂z|</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="315" />
            <source>MSE (mean squared error)</source>
            <translation>MSE（均方误差）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="316" />
            <source>MSLE (mean squared log error)</source>
            <translation>MSLE（均方对数误差）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="317" />
            <source>L1 (sum of |p − t|)</source>
            <translation>L1（|p − t| 之和）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="318" />
            <source>L2 (sum of squares)</source>
            <translation>L2（平方和）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="319" />
            <source>MAE (mean absolute error)</source>
            <translation>MAE（平均绝对误差）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="320" />
            <source>MAPE (mean absolute % error)</source>
            <translation>MAPE（平均绝对百分比误差）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="321" />
            <source>binary cross-entropy</source>
            <translation>二元交叉熵</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="322" />
            <source>softmax cross-entropy</source>
            <translation>softmax 交叉熵</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="330" />
            <source>the logits (no activation layer)</source>
            <translation>logits（没有激活层）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="397" />
            <location filename="../../explainer/gui/pages/activations.py" line="510" />
            <location filename="../../explainer/gui/pages/adversarial.py" line="191" />
            <location filename="../../explainer/gui/pages/playground.py" line="142" />
            <source>your input</source>
            <translation>你的输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="397" />
            <source>your input's class</source>
            <translation>你的输入的类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="399" />
            <source>all its logits</source>
            <translation>它的全部 logit</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="400" />
            <source>pre-activation x</source>
            <translation>预激活值 x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="400" />
            <source>logit z of the class</source>
            <translation>该类别的 logit z</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="410" />
            <source>f(x) = 1 / (1 + e⁻ˣ)      f′(x) = f(x) (1 − f(x))</source>
            <translation>f(x) = 1 / (1 + e⁻ˣ)      f′(x) = f(x) (1 − f(x))</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="411" />
            <source>f(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)      f′(x) = 1 − f(x)²</source>
            <translation>f(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)      f′(x) = 1 − f(x)²</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="412" />
            <source>f(x) = max(0, x)      f′(x) = 0 for x &lt; 0, 1 for x &gt; 0</source>
            <translation>f(x) = max(0, x)      x &lt; 0 时 f′(x) = 0，x &gt; 0 时为 1</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="413" />
            <source>f(x) = x for x ≥ 0, 0.01 x for x &lt; 0      f′(x) = 1 or 0.01</source>
            <translation>x ≥ 0 时 f(x) = x，x &lt; 0 时为 0.01 x      f′(x) = 1 或 0.01</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="414" />
            <source>fᵢ(z) = e^zᵢ / Σⱼ e^zⱼ      ∂fᵢ/∂zᵢ = fᵢ (1 − fᵢ),  ∂fᵢ/∂zⱼ = −fᵢ fⱼ</source>
            <translation>fᵢ(z) = e^zᵢ / Σⱼ e^zⱼ      ∂fᵢ/∂zᵢ = fᵢ (1 − fᵢ)，∂fᵢ/∂zⱼ = −fᵢ fⱼ</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="421" />
            <source>Seed 004's table prints sigmoid's derivative as f(x)(1 − f(x))²: a typo. At x = 0, f = {f0} and the slope (the dashed curve, the engine's backward) is {slope} = f(1 − f), not f(1 − f)² = {typo}.</source>
            <translation>种子材料 004 的表格把 sigmoid 的导数印成了 f(x)(1 − f(x))²：这是笔误。在 x = 0 处，f = {f0}，斜率（虚线，即引擎的反向传播）是 {slope} = f(1 − f)，而不是 f(1 − f)² = {typo}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="427" />
            <source>Drawn for class {cls} as its logit moves, the other logits held at your input's values; the seed's eˣ/Σ − (eˣ)²/Σ² is the same slope f(1 − f).</source>
            <translation>画的是类别 {cls} 的 logit 变化时的曲线，其他 logit 固定为你的输入的值；种子材料中的 eˣ/Σ − (eˣ)²/Σ² 就是同一个斜率 f(1 − f)。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="435" />
            <source>Draw or pick an input to see where its pre-activations fall.</source>
            <translation>画一个或选一个输入，看看它的预激活值落在哪里。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="438" />
            <source>Your input's logits run from {lo} to {hi}. Class {cls} has z = {z}, p = {p}, and slope p(1 − p) = {slope}: near 0 once the output is saturated (p close to 0 or 1).</source>
            <translation>你的输入的 logit 从 {lo} 到 {hi}。类别 {cls} 的 z = {z}，p = {p}，斜率 p(1 − p) = {slope}：输出一旦饱和（p 接近 0 或 1），斜率就接近 0。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="451" />
            <source>{n:,} pre-activations of your input, from {lo} to {hi}; {neg:.0%} are negative.</source>
            <translation>你的输入有 {n:,} 个预激活值，从 {lo} 到 {hi}；其中 {neg:.0%} 为负。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="455" />
            <source>ReLU outputs 0 there and passes no gradient back (f′ = 0).</source>
            <translation>ReLU 在那里输出 0，也不向回传递任何梯度（f′ = 0）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="457" />
            <source>Leaky ReLU passes 1% of the gradient back there instead of none.</source>
            <translation>Leaky ReLU 在那里仍向回传递 1% 的梯度，而不是完全不传。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="462" />
            <source>Through {name}, the mean slope would be {mean} (at most {top}); {sat:.0%} of them lie where the slope is below 0.01 (saturated).</source>
            <translation>如果经过 {name}，平均斜率将是 {mean}（最大 {top}）；其中 {sat:.0%} 落在斜率低于 0.01 的区域（饱和）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="508" />
            <source>loss L</source>
            <translation>损失 L</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="509" />
            <source>gradient ∂L/∂z</source>
            <translation>梯度 ∂L/∂z</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="509" />
            <source>gradient ∂L/∂p</source>
            <translation>梯度 ∂L/∂p</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="513" />
            <source>logit z of the class, the others held</source>
            <translation>该类别的 logit z，其他保持不变</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="515" />
            <source>prediction p (target t = 1)</source>
            <translation>预测值 p（目标 t = 1）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="522" />
            <source>L = (1/n) Σ (p − t)²      ∂L/∂p = 2 (p − t) / n</source>
            <translation>L = (1/n) Σ (p − t)²      ∂L/∂p = 2 (p − t) / n</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="523" />
            <source>L = (1/n) Σ (ln(1 + p) − ln(1 + t))²      ∂L/∂p = 2 (ln(1 + p) − ln(1 + t)) / (n (1 + p))</source>
            <translation>L = (1/n) Σ (ln(1 + p) − ln(1 + t))²      ∂L/∂p = 2 (ln(1 + p) − ln(1 + t)) / (n (1 + p))</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="526" />
            <source>L = Σ |p − t|      ∂L/∂p = sign(p − t)</source>
            <translation>L = Σ |p − t|      ∂L/∂p = sign(p − t)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="527" />
            <source>L = Σ (p − t)²      ∂L/∂p = 2 (p − t)</source>
            <translation>L = Σ (p − t)²      ∂L/∂p = 2 (p − t)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="528" />
            <source>L = (1/n) Σ |p − t|      ∂L/∂p = sign(p − t) / n</source>
            <translation>L = (1/n) Σ |p − t|      ∂L/∂p = sign(p − t) / n</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="529" />
            <source>L = (1/n) Σ 100 |p − t| / |t|      ∂L/∂p = 100 sign(p − t) / (n |t|); t = 0 is left out</source>
            <translation>L = (1/n) Σ 100 |p − t| / |t|      ∂L/∂p = 100 sign(p − t) / (n |t|)；t = 0 的元素不计入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="532" />
            <source>L = −(1/n) Σ (t ln p + (1 − t) ln(1 − p))      ∂L/∂p = (p − t) / (n p (1 − p))</source>
            <translation>L = −(1/n) Σ (t ln p + (1 − t) ln(1 − p))      ∂L/∂p = (p − t) / (n p (1 − p))</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="533" />
            <source>L = −ln softmax(z)ₜ      ∂L/∂z = softmax(z) − onehot(t)</source>
            <translation>L = −ln softmax(z)ₜ      ∂L/∂z = softmax(z) − onehot(t)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="541" />
            <source>On your input: draw or pick an input to fill this table.</source>
            <translation>在你的输入上：画一个或选一个输入来填满这张表。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="554" />
            <source>On your input: the network's output p against class {cls} (t = 1 there, 0 elsewhere)</source>
            <translation>在你的输入上：网络的输出 p 对比类别 {cls}（该处 t = 1，其余为 0）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="569" />
            <source>∂L/∂z is the gradient carried back through softmax to the logits, what training uses. MAPE counts only class {cls}: the other targets are 0 and have no percentage error. Binary cross-entropy clips p to [1e−12, 1 − 1e−12].</source>
            <translation>∂L/∂z 是经 softmax 反向传到 logit 的梯度，也就是训练真正使用的梯度。MAPE 只计入类别 {cls}：其他目标为 0，没有百分比误差。二元交叉熵把 p 截断到 [1e−12, 1 − 1e−12]。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="581" />
            <source>Why cross-entropy and not MSE trains the softmax</source>
            <translation>为什么训练 softmax 用交叉熵而不用 MSE</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="582" />
            <source>p of the label</source>
            <translation>标签的 p</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="582" />
            <source>MSE: largest |∂L/∂z|</source>
            <translation>MSE：最大的 |∂L/∂z|</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="582" />
            <source>cross-entropy: largest |∂L/∂z|</source>
            <translation>交叉熵：最大的 |∂L/∂z|</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="586" />
            <source>label {cls} (chosen)</source>
            <translation>标签 {cls}（所选）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="587" />
            <source>label {cls} (least likely)</source>
            <translation>标签 {cls}（可能性最小）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/activations.py" line="598" />
            <source>Were the label {cls}, the network would be confidently wrong (p = {p}). MSE's gradient reaches the logits through softmax's slope p(1 − p), nearly 0 for a saturated output: at most {mse}, so the mistake is barely corrected. Cross-entropy's log cancels that slope, ∂L/∂z = p − t, so its gradient is {ce}: learning is fastest when the mistake is worst.</source>
            <translation>如果标签是 {cls}，网络就是在自信地犯错（p = {p}）。MSE 的梯度要经过 softmax 的斜率 p(1 − p) 才能到达 logit，而输出饱和时这个斜率几乎为 0：最多只有 {mse}，所以这个错误几乎得不到纠正。交叉熵中的 log 恰好抵消了这个斜率，∂L/∂z = p − t，所以它的梯度是 {ce}：错得越厉害，学得越快。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="62" />
            <source>ε: how far each pixel may move (pixels lie between 0 and 1)</source>
            <translation>ε：每个像素最多能改变多少（像素值在 0 到 1 之间）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="65" />
            <source>Show in the network</source>
            <translation>在网络中显示</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="66" />
            <source>Pin the clean input's maps and show the perturbed input: the overview shows the difference</source>
            <translation>固定原始输入的特征图并显示扰动后的输入：总览显示两者的差</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="70" />
            <location filename="../../explainer/gui/pages/descent.py" line="269" />
            <location filename="../../explainer/gui/pages/learn.py" line="140" />
            <location filename="../../explainer/gui/pages/stepper.py" line="211" />
            <location filename="../../explainer/gui/pages/training.py" line="422" />
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="74" />
            <source>Learn this perturbed input</source>
            <translation>学习这个扰动后的输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="75" />
            <source>One SGD step on the perturbed input with its true label: adversarial training in miniature</source>
            <translation>用真实标签在扰动后的输入上做一步 SGD：微型的对抗训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="95" />
            <source>Why a network that is 99% right falls apart: each pixel moves by only ε, too little for you to see, but every one moves in the direction that raises the loss. The score changes by about ε times the sum of all 784 |∂L/∂x|, and these small pushes add up. Training never showed the network such inputs, so nothing taught it to resist them.</source>
            <translation>为什么 99% 正确的网络会崩溃：每个像素只改变 ε，小到你看不出来，但每一个都朝着让损失变大的方向改变。分数大约改变 ε 乘以全部 784 个 |∂L/∂x| 之和，这些小小的推动累加起来。训练时网络从没见过这样的输入，所以没有什么教它去抵抗。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="156" />
            <source>After one step on the perturbed input the network sees it again; try the slider.</source>
            <translation>在扰动后的输入上走一步之后，网络又认出了它；试试拖动滑块。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="166" />
            <source>ε = {e}</source>
            <translation>ε = {e}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="177" />
            <source>Draw or pick an input: this page then tries to fool the network with it.</source>
            <translation>画一个输入：这一页会试着用它骗过网络。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="192" />
            <source>perturbation ε · sign(∂L/∂x)</source>
            <translation>扰动 ε · sign(∂L/∂x)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="193" />
            <location filename="../../explainer/gui/pages/adversarial.py" line="228" />
            <source>perturbed input</source>
            <translation>扰动后的输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="197" />
            <source>Label {y}: the network reads {a} before and {b} after the step.</source>
            <translation>标签 {y}：扰动前网络读作 {a}，扰动后读作 {b}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="201" />
            <source>The prediction flipped: “Show in the network” shows where the maps changed.</source>
            <translation>预测变了：“在网络中显示”会显示哪些特征图变了。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="213" />
            <source>No measured table for this model (benchmarks/bench_fgsm.py makes one).</source>
            <translation>这个模型没有测量表（benchmarks/bench_fgsm.py 可以生成）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="220" />
            <source>Measured on the 10,000 test images (clean: {clean}):</source>
            <translation>在 10,000 个测试图像上测得（无扰动：{clean}）：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="222" />
            <source>PGD, 10 steps (1,000 images)</source>
            <translation>PGD，10 步（1,000 个输入）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/adversarial.py" line="228" />
            <source>Probabilities, your input</source>
            <translation>概率：你的输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="103" />
            <source>Red: more ink there raises the score; blue: lowers it; white: no effect. Integrated Gradients add up to the change of the score from a black image to your input (completeness; the line under the map shows how close the sum comes). Grad-CAM keeps only positive evidence and is as coarse as its layer.</source>
            <translation>红色：那里多一些笔迹会提高得分；蓝色：会降低得分；白色：没有影响。积分梯度的总和等于从全黑图像到你的输入时得分的变化（完备性；图下方的一行显示求和结果有多接近）。Grad-CAM 只保留正面的证据，精细程度与它所在的层相同。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="110" />
            <source>Why Grad-CAM can light up empty paper: it adds up the chosen layer's maps, each weighted by its mean gradient, and a map can be active where there is no ink. Over blank paper a first-layer map outputs ReLU(bias); a deeper map sees a larger patch (14×14 pixels at relu4), so it reacts to a stroke next to it. A lit background says these maps are active there and help the class (for a 7, the empty space under its bar), not that ink there would help.</source>
            <translation>为什么 Grad-CAM 会在空白处发亮：它把所选层的各张特征图按其平均梯度加权后相加，而特征图在没有笔迹的地方也可能被激活。在空白纸上，第一层的特征图输出 ReLU(偏置)；更深的特征图看到的区域更大（relu4 为 14×14 像素），所以会对旁边的笔画产生反应。背景发亮说明这些特征图在那里被激活并支持该类别（对 7 来说，是横杠下方的空白），而不是说在那里加笔迹会有帮助。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="147" />
            <source>Explain class</source>
            <translation>解释类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="150" />
            <source>The class whose score (logit) is explained; starts at the prediction</source>
            <translation>要解释其得分（logit）的类别；初始为预测的类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="152" />
            <source>True label</source>
            <translation>真实标签</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="155" />
            <source>The label of the loss L and of the map −dL/dx</source>
            <translation>损失 L 和 −dL/dx 图所用的标签</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="159" />
            <source>Over the input</source>
            <translation>叠在输入上</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="160" />
            <source>Draw each map over the input (the ink shows as grey)</source>
            <translation>把每张图叠画在输入上（笔迹显示为灰色）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="171" />
            <source>Noise added to the input for each SmoothGrad sample</source>
            <translation>每个 SmoothGrad 样本给输入加的噪声</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="175" />
            <source>How many noisy copies SmoothGrad averages</source>
            <translation>SmoothGrad 平均多少个加噪副本</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="180" />
            <source>Gradients taken on the path from black to the input (more: smaller completeness error)</source>
            <translation>在从全黑到输入的路径上取梯度的次数（越多，完备性误差越小）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="184" />
            <source>IG steps</source>
            <translation>IG 步数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="187" />
            <source>Grad-CAM weighs this layer's maps by their mean gradient</source>
            <translation>Grad-CAM 用这一层各特征图的平均梯度为其加权</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="189" />
            <source>Grad-CAM layer</source>
            <translation>Grad-CAM 层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="192" />
            <source>Class B of “A rather than B” (starts at the runner-up)</source>
            <translation>“是 A 而不是 B”中的类别 B（初始为第二名）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="194" />
            <source>Contrast with</source>
            <translation>对比类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="382" />
            <source>SmoothGrad σ = {s}</source>
            <translation>SmoothGrad σ = {s}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="383" />
            <source>SmoothGrad N = {n}</source>
            <translation>SmoothGrad N = {n}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="387" />
            <source>Draw or pick an image to see which pixels the network looks at.</source>
            <translation>画一张或选一张图片，看看网络关注哪些像素。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="405" />
            <source>Gradient ∂z{c}/∂x</source>
            <translation>梯度 ∂z{c}/∂x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="406" />
            <source>plain saliency: one backward pass</source>
            <translation>普通显著图：一次反向传播</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="409" />
            <location filename="../../explainer/gui/pages/sanity.py" line="43" />
            <source>SmoothGrad</source>
            <translation>SmoothGrad</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="410" />
            <source>mean gradient over {n} noisy copies, σ = {s}</source>
            <translation>{n} 个加噪副本的平均梯度，σ = {s}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="415" />
            <source>Integrated Gradients</source>
            <translation>积分梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="416" />
            <source>Σ = {a}, z(x) − z(black) = {b} (off by {e}%)</source>
            <translation>Σ = {a}，z(x) − z(全黑) = {b}（相差 {e}%）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="423" />
            <source>Grad-CAM at {layer}</source>
            <translation>{layer} 处的 Grad-CAM</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="424" />
            <source>computed on {shape} maps, then enlarged</source>
            <translation>在 {shape} 的特征图上计算，再放大</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="426" />
            <source>{share}% on cells with no ink</source>
            <translation>{share}% 落在没有笔迹的格子上</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="429" />
            <source>{a} rather than {b}</source>
            <translation>是 {a} 而不是 {b}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="430" />
            <source>gradient of z{a} − z{b}</source>
            <translation>z{a} − z{b} 的梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="433" />
            <source>−dL/dx, label {y}</source>
            <translation>−dL/dx，标签 {y}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="434" />
            <source>red: more ink here lowers the loss</source>
            <translation>红色：这里多一些笔迹会降低损失</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="448" />
            <source>Explaining the score (logit) of class {c}.  Loss against label {y}: L = {L}</source>
            <translation>正在解释类别 {c} 的得分（logit）。  相对标签 {y} 的损失：L = {L}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="460" />
            <source>Why Integrated Gradients misses more here: on the way from black to this input the score of {c} ranges from {low} to {high}. It travels {swing} in all for a net change of only {delta}, so large positive and negative parts cancel and a small error in them is a large share of the sum. More steps usually make it smaller.</source>
            <translation>为什么积分梯度在这里误差更大：从全黑图像到这个输入的路上，类别 {c} 的得分在 {low} 到 {high} 之间起伏。它一路上共变化了 {swing}，而净变化只有 {delta}，所以大的正负部分相互抵消，其中的小误差就占了总和的很大比例。步数越多，误差通常越小。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="480" />
            <source>Maps</source>
            <translation>归因图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="481" />
            <source>Sanity check: random weights</source>
            <translation>合理性检验：随机权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="482" />
            <source>Do the maps change when the model's weights are random?</source>
            <translation>模型的权重变成随机数时，这些图会变吗？</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="529" />
            <location filename="../../explainer/gui/pages/playground.py" line="140" />
            <source>Operation</source>
            <translation>运算</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="533" />
            <source>Signal</source>
            <translation>信号</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="534" />
            <source>Row / column</source>
            <translation>行 / 列</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="535" />
            <source>Length M</source>
            <translation>长度 M</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="536" />
            <source>Noise</source>
            <translation>噪声</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="539" />
            <location filename="../../explainer/gui/pages/playground.py" line="133" />
            <source>Kernel</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="540" />
            <source>k</source>
            <translation>k</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="541" />
            <location filename="../../explainer/gui/pages/design.py" line="334" />
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="544" />
            <location filename="../../explainer/gui/pages/design.py" line="306" />
            <location filename="../../explainer/gui/pages/playground.py" line="134" />
            <source>Padding</source>
            <translation>填充</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="545" />
            <source>P</source>
            <translation>P</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="546" />
            <source>Stride S</source>
            <translation>步幅 S</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="598" />
            <source>1-D convolution: a kernel sliding along a signal</source>
            <translation>一维卷积：卷积核沿信号滑动</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="600" />
            <source>Up to {n} weights separated by commas</source>
            <translation>最多 {n} 个权重，用逗号分隔</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d.py" line="765" />
            <source>(M − K + 2P) / S + 1  =  no output</source>
            <translation>(M − K + 2P) / S + 1  =  没有输出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="38" />
            <source>correlation (what libraries compute)</source>
            <translation>互相关（各种库实际计算的）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="39" />
            <source>true convolution (kernel rotated by π)</source>
            <translation>真正的卷积（卷积核旋转 π）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="46" />
            <source>Convolution or correlation?</source>
            <translation>卷积还是互相关？</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="47" />
            <source>True convolution rotates the kernel by π (turns it end to end) before sliding it; correlation slides it as it is. They differ only by that flip: w ⊗ x = rot(w) ∗ x. Libraries skip the flip because the kernel is learned: a network trained with correlation simply learns the flipped kernel, computes the same outputs, and its gradients are the same numbers, flipped. The flip would cost work and change nothing, so 'convolution' in deep learning means correlation.</source>
            <translation>真正的卷积在滑动之前先把卷积核旋转 π（首尾对调）；互相关则直接滑动原来的卷积核。两者只差这一次翻转：w ⊗ x = rot(w) ∗ x。各种库都省掉了这次翻转，因为卷积核是学出来的：用互相关训练的网络会直接学到翻转后的卷积核，算出同样的输出，梯度也是同样的数，只是翻转了。翻转只会多花功夫而什么也不改变，所以深度学习里说的“卷积”其实就是互相关。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="60" />
            <source>This kernel is symmetric, rot(w) = w: both give the same output. Try an edge kernel.</source>
            <translation>这个卷积核是对称的，rot(w) = w：两种运算输出相同。试试边缘卷积核。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="67" />
            <source>w ∗ x = rot(w) ⊗ x: the kernel w = {w} is turned end to end, rot(w) = {r}, and then slides as it is. Here (w ∗ x)[{t}] = {a} and (rot(w) ⊗ x)[{t}] = {b}.</source>
            <translation>w ∗ x = rot(w) ⊗ x：卷积核 w = {w} 先首尾对调，得到 rot(w) = {r}，然后原样滑动。此处 (w ∗ x)[{t}] = {a}，(rot(w) ⊗ x)[{t}] = {b}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="71" />
            <source>w ⊗ x = rot(w) ∗ x: the kernel w = {w} slides as it is; a true convolution with rot(w) = {r} gives the same numbers. Here (w ⊗ x)[{t}] = {a} and (rot(w) ∗ x)[{t}] = {b}.</source>
            <translation>w ⊗ x = rot(w) ∗ x：卷积核 w = {w} 原样滑动；用 rot(w) = {r} 做真正的卷积会得到同样的数。此处 (w ⊗ x)[{t}] = {a}，(rot(w) ∗ x)[{t}] = {b}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="79" />
            <source>w turned upside down and left to right</source>
            <translation>w 上下、左右各翻转一次</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="88" />
            <source>w ∗ x = rot(w) ⊗ x: the kernel is rotated by π before it slides, so the grid shown is rot(w) = {r}. At output ({row}, {col}): (w ∗ x) = {a} and (rot(w) ⊗ x) = {b}.</source>
            <translation>w ∗ x = rot(w) ⊗ x：卷积核在滑动前先旋转 π，所以图中的网格是 rot(w) = {r}。在输出 ({row}, {col}) 处：(w ∗ x) = {a}，(rot(w) ⊗ x) = {b}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="92" />
            <source>w ⊗ x = rot(w) ∗ x: the kernel slides as it is; a true convolution with rot(w) = {r} gives the same numbers. At output ({row}, {col}): (w ⊗ x) = {a} and (rot(w) ∗ x) = {b}.</source>
            <translation>w ⊗ x = rot(w) ∗ x：卷积核原样滑动；用 rot(w) = {r} 做真正的卷积会得到同样的数。在输出 ({row}, {col}) 处：(w ⊗ x) = {a}，(rot(w) ∗ x) = {b}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="104" />
            <source>noisy sine</source>
            <translation>带噪声的正弦</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="105" />
            <location filename="../../explainer/gui/pages/sanity.py" line="466" />
            <source>step</source>
            <translation>阶跃</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="106" />
            <source>a row of your input</source>
            <translation>你的输入的一行</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="107" />
            <source>a column of your input</source>
            <translation>你的输入的一列</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="108" />
            <source>drawn with the mouse</source>
            <translation>用鼠标画</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="115" />
            <source>moving average [1/k … 1/k]</source>
            <translation>滑动平均 [1/k … 1/k]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="116" />
            <source>second difference [1, −2, 1]</source>
            <translation>二阶差分 [1, −2, 1]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="117" />
            <source>your own values</source>
            <translation>自己输入的值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="124" />
            <source>narrow (P = 0)</source>
            <translation>窄卷积（P = 0）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="125" />
            <source>wide (P = K − 1)</source>
            <translation>宽卷积（P = K − 1）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="126" />
            <source>equal-width (P = (K − 1) / 2)</source>
            <translation>等宽卷积（P = (K − 1) / 2）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="127" />
            <location filename="../../explainer/gui/pages/playground.py" line="150" />
            <source>number</source>
            <translation>指定数值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="134" />
            <source>(M − K + 2P) / S + 1  =  ({m} − {k} + 2×{p}) / {s} + 1  =  {out}</source>
            <translation>(M − K + 2P) / S + 1  =  ({m} − {k} + 2×{p}) / {s} + 1  =  {out}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="137" />
            <source>(M − K + 2P) / S + 1  =  ⌊({m} − {k} + 2×{p}) / {s}⌋ + 1  =  {out}</source>
            <translation>(M − K + 2P) / S + 1  =  ⌊({m} − {k} + 2×{p}) / {s}⌋ + 1  =  {out}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="144" />
            <source>Impossible: the kernel has {k} taps but the padded signal only {m} + 2×{p} = {mp} samples, so there is no position for it and no output. Choose a shorter kernel, more padding or a wide convolution.</source>
            <translation>不可能：卷积核有 {k} 个权重，而填充后的信号只有 {m} + 2×{p} = {mp} 个采样，卷积核没有可以放下的位置，也就没有输出。请选更短的卷积核、更多的填充，或者宽卷积。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="153" />
            <source>Impossible: equal width needs P = (K − 1) / 2 = {half} zeros at each end, and half a zero cannot be added. Choose an odd kernel or type the padding as a number.</source>
            <translation>不可能：等宽卷积需要在两端各补 P = (K − 1) / 2 = {half} 个零，而半个零是补不了的。请选奇数长度的卷积核，或者把填充直接输入为数字。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="161" />
            <source>Type 1 to 15 numbers separated by commas or spaces, e.g. 1, 0, −1 (could not read “{text}”).</source>
            <translation>请输入 1 到 15 个数，用逗号或空格分隔，例如 1, 0, −1（无法读取“{text}”）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="168" />
            <source>output y[{t}]  ·  step {step} of {total}</source>
            <translation>输出 y[{t}]  ·  第 {step} 步，共 {total} 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="174" />
            <source>signal x</source>
            <translation>信号 x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="175" />
            <source>x with P zeros</source>
            <translation>补 P 个零的 x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="176" />
            <location filename="../../explainer/gui/pages/stepper.py" line="373" />
            <source>output y</source>
            <translation>输出 y</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="179" />
            <source>second derivative x″ (dashed)</source>
            <translation>二阶导数 x″（虚线）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="180" />
            <source>drag here to draw</source>
            <translation>在这里拖动来画</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="186" />
            <source>rot(w)</source>
            <translation>rot(w)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="186" />
            <source>w</source>
            <translation>w</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="194" />
            <source>A kernel of K weights slides along the signal. At each position the K samples under it are multiplied by the weights and added up: one output sample. The seed writes it y_t = Σ_k w_k · x_(t−k+1).</source>
            <translation>一个有 K 个权重的卷积核沿着信号滑动。在每个位置，它下方的 K 个采样分别乘以对应的权重再相加，得到一个输出采样。原文写作 y_t = Σ_k w_k · x_(t−k+1)。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="204" />
            <source>Moving average</source>
            <translation>滑动平均</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="205" />
            <source>With w = [1/k, …, 1/k] each output is the mean of {k} neighbouring samples: random wiggles cancel out and slow changes stay. Time series are smoothed this way.</source>
            <translation>取 w = [1/k, …, 1/k] 时，每个输出是相邻 {k} 个采样的平均：随机的抖动相互抵消，缓慢的变化保留下来。时间序列就是这样平滑的。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="214" />
            <source>Second difference</source>
            <translation>二阶差分</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="215" />
            <source>x(t − 1) − 2x(t) + x(t + 1) ≈ x″(t) with step h = 1, from Taylor's formula: w = [1, −2, 1] measures curvature. {where} It also amplifies noise: set the noise to 0 % and the two curves meet.</source>
            <translation>由泰勒公式，步长 h = 1 时 x(t − 1) − 2x(t) + x(t + 1) ≈ x″(t)：w = [1, −2, 1] 衡量的是弯曲程度。{where}它也会放大噪声：把噪声设为 0 %，两条曲线就重合了。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="220" />
            <source>The dashed curve is the sine's exact second derivative.</source>
            <translation>虚线是正弦的精确二阶导数。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="222" />
            <source>The exact second derivative is drawn for the sine only.</source>
            <translation>只有正弦信号会画出精确的二阶导数。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="229" />
            <source>Your own kernel</source>
            <translation>自己的卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="230" />
            <source>Type any weights; try 1, 0, −1 (an edge detector) and compare the two operations.</source>
            <translation>输入任意权重；试试 1, 0, −1（边缘检测器），并比较两种运算。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="235" />
            <source>Narrow, wide, equal width</source>
            <translation>窄卷积、宽卷积、等宽卷积</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="236" />
            <source>With M = {m} samples and K = {k} taps: narrow (P = 0) gives M − K + 1 = {narrow} outputs, the kernel always inside the signal; wide (P = K − 1 = {wide_p}) gives M + K − 1 = {wide} and every sample meets every weight; equal width (P = (K − 1) / 2) keeps M = {m} for an odd K. (The seed's text says equal width gives K outputs; it gives M.) Added zeros are hatched.</source>
            <translation>信号有 M = {m} 个采样、卷积核有 K = {k} 个权重：窄卷积（P = 0）得到 M − K + 1 = {narrow} 个输出，卷积核始终在信号内部；宽卷积（P = K − 1 = {wide_p}）得到 M + K − 1 = {wide} 个输出，每个采样都会遇到每个权重；等宽卷积（P = (K − 1) / 2）在 K 为奇数时保持 M = {m} 个输出。（原文说等宽卷积的输出维度是 K，实际是 M。）补上的零画有斜线。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="247" />
            <location filename="../../explainer/gui/pages/design.py" line="309" />
            <location filename="../../explainer/gui/pages/playground.py" line="136" />
            <location filename="../../explainer/gui/pages/receptive.py" line="170" />
            <source>Stride</source>
            <translation>步幅</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/conv1d_texts.py" line="248" />
            <source>The stride S = {s} is how far the kernel jumps between outputs, so the output has (M − K + 2P) / S + 1 samples, rounded down (here P = {p}).</source>
            <translation>步幅 S = {s} 是卷积核在两个输出之间跳过的距离，所以输出有 (M − K + 2P) / S + 1 个采样，向下取整（此处 P = {p}）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="170" />
            <source>DB-VAE draws the training examples that are rare in the latent space more often (seed 002, adaptive resampling). The bundled VAE encodes every MNIST training digit; per latent dimension a histogram of 10 bins counts the codes. A digit's density is the share of the codes in its bin of z₁ times the share in its bin of z₂, and it is drawn with probability ∝ 1 / (density + α), normalised over all digits. A small α favours the rare digits strongly; a large α samples almost uniformly.</source>
            <translation>DB-VAE 更频繁地抽取在潜空间中少见的训练样本（种子 002，自适应重采样）。内置的 VAE 对每个 MNIST 训练数字编码；每个潜变量维度用 10 个区间的直方图统计编码。一个数字的密度等于它在 z₁ 所在区间的编码占比乘以在 z₂ 所在区间的占比，它被抽到的概率 ∝ 1 / (密度 + α)，再对所有数字归一化。α 小时强烈偏向少见的数字；α 大时几乎是均匀抽样。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="189" />
            <source>Compute from the training digits</source>
            <translation>用训练数字重新计算</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="190" />
            <source>Encode the {name} training digits with the bundled VAE again (about half a minute)</source>
            <translation>用内置 VAE 重新对 {name} 训练数字编码（约半分钟）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="202" />
            <source>The 32 rarest training digits: drawn most often</source>
            <translation>最少见的 32 个训练数字：抽到得最多</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="206" />
            <source>The 32 most common training digits: drawn least often</source>
            <translation>最常见的 32 个训练数字：抽到得最少</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="252" />
            <source>z{j}: share of the codes in each bin</source>
            <translation>z{j}：各区间的编码占比</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="261" />
            <source>α = {alpha}</source>
            <translation>α = {alpha}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="289" />
            <source>Training digit {index:,} (a {label}): density {density}, drawn with probability {probability} per draw, {times} times as often as in uniform sampling</source>
            <translation>第 {index:,} 个训练数字（{label}）：密度 {density}，每次抽取的概率为 {probability}，是均匀抽样的 {times} 倍</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="303" />
            <source>Under each digit: how many times as often as in uniform sampling it is drawn (×1: as often). With α = {alpha}, the rarest digit is drawn ×{rare} as often and the most common ×{common}; the 32 rarest of the {count:,} digits together get {rare_share} of all draws (uniform: {uniform_share}).</source>
            <translation>每个数字下方：它被抽到的次数是均匀抽样的多少倍（×1：一样多）。α = {alpha} 时，最少见的数字被抽到 ×{rare} 倍，最常见的 ×{common} 倍；{count:,} 个数字中最少见的 32 个合计占全部抽取的 {rare_share}（均匀抽样：{uniform_share}）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="321" />
            <source>Encoding the {name} training digits with the bundled VAE…</source>
            <translation>正在用内置 VAE 对 {name} 训练数字编码…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="323" />
            <source>No table to show: {why}</source>
            <translation>没有可显示的表：{why}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="326" />
            <source>Shown: computed in this session from {count:,} {name} training digits.</source>
            <translation>显示的是：本次运行中由 {count:,} 个 {name} 训练数字计算的结果。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="328" />
            <source>Shown: the bundled table, from {count:,} {name} training digits and the bundled VAE.</source>
            <translation>显示的是：内置的表，由 {count:,} 个 {name} 训练数字和内置 VAE 得到。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="331" />
            <location filename="../../explainer/gui/pages/filters.py" line="184" />
            <source>Could not compute: {why}</source>
            <translation>无法计算：{why}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="333" />
            <source>The bundled VAE was trained on MNIST digits, so this lesson shows MNIST whatever the data set in use.</source>
            <translation>内置 VAE 是用 MNIST 数字训练的，所以无论当前用哪个数据集，本课都显示 MNIST。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/debias.py" line="338" />
            <source>To compute it yourself, choose the MNIST folder in Train or Test set.</source>
            <translation>若要自己计算，请在“训练”或“测试集”中选择 MNIST 文件夹。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="267" />
            <source>Images</source>
            <translation>图像数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="267" />
            <source>How many training images the three runs share</source>
            <translation>三个训练共用多少张训练图像</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="268" />
            <source>Mini-batch size b</source>
            <translation>小批量大小 b</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="268" />
            <source>Examples per update of the mini-batch run</source>
            <translation>小批量训练每次更新使用的样本数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="269" />
            <source>The same step size for all three runs</source>
            <translation>三个训练使用相同的步长</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="270" />
            <location filename="../../explainer/gui/pages/generative_train.py" line="235" />
            <location filename="../../explainer/gui/pages/training.py" line="426" />
            <source>Epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="270" />
            <source>Passes over the images, for every run</source>
            <translation>每个训练遍历这些图像的次数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="271" />
            <source>Plot against</source>
            <translation>横轴</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="271" />
            <source>Compare the runs per example seen or per second</source>
            <translation>按已看过的样本数或按秒比较这几个训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="277" />
            <location filename="../../explainer/gui/pages/descent.py" line="287" />
            <location filename="../../explainer/gui/pages/descent.py" line="315" />
            <source>examples seen</source>
            <translation>已看过的样本数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="277" />
            <location filename="../../explainer/gui/pages/descent.py" line="315" />
            <source>computing time (s)</source>
            <translation>计算时间（秒）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="280" />
            <source>Start the three runs from one fresh initialisation</source>
            <translation>从同一个全新的初始化开始三个训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="280" />
            <source>End after this update</source>
            <translation>在这次更新后结束</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="285" />
            <source>examples per update</source>
            <translation>每次更新的样本数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="286" />
            <source>updates</source>
            <translation>更新次数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="288" />
            <source>computing time</source>
            <translation>计算时间</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="289" />
            <source>time per update</source>
            <translation>每次更新的时间</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="290" />
            <source>loss on all images</source>
            <translation>全部图像上的损失</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="301" />
            <source>full batch</source>
            <translation>全批量</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="303" />
            <source>SGD (batch 1)</source>
            <translation>SGD（批量 1）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="304" />
            <source>mini-batch (b = {b})</source>
            <translation>小批量（b = {b}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="313" />
            <source>Loss of each update's own batch</source>
            <translation>每次更新所用批次自身的损失</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="314" />
            <source>Loss on all the images</source>
            <translation>全部图像上的损失</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="344" />
            <source>Uses the first training images of the {dataset} folder.</source>
            <translation>使用 {dataset} 文件夹中的前若干张训练图像。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="348" />
            <source>No {dataset} data folder: the runs use the bundled sample images.</source>
            <translation>没有 {dataset} 数据文件夹：训练使用自带的样本图像。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="354" />
            <source>Training on the first {n:,} training images of the {dataset} folder.</source>
            <translation>正在用 {dataset} 文件夹中的前 {n:,} 张训练图像训练。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="360" />
            <source>No {dataset} data folder found: training on the {n} bundled sample images.</source>
            <translation>没有找到 {dataset} 数据文件夹：正在用自带的 {n} 张样本图像训练。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="424" />
            <source>Paused.</source>
            <translation>已暂停。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="425" />
            <source>loading the images…</source>
            <translation>正在载入图像…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="425" />
            <location filename="../../explainer/gui/pages/descent.py" line="432" />
            <source>Racing…</source>
            <translation>比赛中…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="447" />
            <source>{seen:,} of {goal:,} examples</source>
            <translation>{goal:,} 个样本中的 {seen:,} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="450" />
            <source>The race failed: {message}</source>
            <translation>比赛失败：{message}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="456" />
            <source>Stopped; the curves show the updates made so far.</source>
            <translation>已停止；曲线显示到目前为止的更新。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="458" />
            <source>Done: every run has seen the images the same number of times.</source>
            <translation>完成：每个训练看过这些图像的次数都相同。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="490" />
            <source>{s:.2f} s</source>
            <translation>{s:.2f} 秒</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="491" />
            <source>{ms:.2f} ms</source>
            <translation>{ms:.2f} 毫秒</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="499" />
            <source>Left: every update's loss on its own batch; SGD's jumps from one example to the next. Right: the loss on all the images, measured every quarter pass.</source>
            <translation>左图：每次更新在它自己那一批上的损失；SGD 的损失从一个样本跳到下一个样本。右图：全部图像上的损失，每遍历四分之一测量一次。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="508" />
            <source>One full-batch update reads all {n:,} images and takes {batch_ms:.1f} ms; with the same {n:,} examples SGD makes {n:,} updates of {sgd_ms:.2f} ms each. Per example SGD moves furthest but noisiest, full batch smoothest but slowest; the mini-batch sits between.</source>
            <translation>一次全批量更新要读完全部 {n:,} 张图像，耗时 {batch_ms:.1f} 毫秒；用同样的 {n:,} 个样本，SGD 做了 {n:,} 次更新，每次 {sgd_ms:.2f} 毫秒。按样本计，SGD 走得最远但噪声最大，全批量最平稳但最慢；小批量介于两者之间。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="528" />
            <source>Go on</source>
            <translation>继续</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/descent.py" line="528" />
            <source>Hold after this update</source>
            <translation>在这次更新后暂停</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="274" />
            <source>Built a new, untrained network with {weights:,} weights. Train it in the training panel.</source>
            <translation>已构建一个新的、未经训练的网络，共 {weights:,} 个权重。请在训练面板中训练它。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="284" />
            <source>Start from:</source>
            <translation>起点：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="286" />
            <source>Tiny-VGG (the app's reference network)</source>
            <translation>Tiny-VGG（本程序的参考网络）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="287" />
            <source>Keras MNIST tutorial (seed 001)</source>
            <translation>Keras MNIST 教程（种子材料 001）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="288" />
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="291" />
            <location filename="../../explainer/gui/pages/playground.py" line="149" />
            <source>same</source>
            <translation>same</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="291" />
            <source>valid (none)</source>
            <translation>valid（不填充）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="291" />
            <source>pixels:</source>
            <translation>像素：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="293" />
            <source>max</source>
            <translation>最大</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="293" />
            <source>average</source>
            <translation>平均</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="293" />
            <location filename="../../explainer/gui/pages/design.py" line="329" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="298" />
            <source>Conv blocks</source>
            <translation>卷积模块数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="298" />
            <source>Each block: convolutions, then pooling</source>
            <translation>每个模块：先卷积，再池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="300" />
            <source>Convs per block</source>
            <translation>每个模块的卷积层数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="301" />
            <source>Convolutions (each with the activation) in a block</source>
            <translation>一个模块中卷积层的个数（每层都带激活函数）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="303" />
            <source>Channels</source>
            <translation>通道数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="303" />
            <source>Filters of the convolutions in each block</source>
            <translation>每个模块中卷积的滤波器个数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="304" />
            <location filename="../../explainer/gui/pages/playground.py" line="132" />
            <location filename="../../explainer/gui/pages/receptive.py" line="169" />
            <source>Kernel size</source>
            <translation>卷积核大小</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="304" />
            <source>Side of every square kernel</source>
            <translation>每个正方形卷积核的边长</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="307" />
            <source>Zeros around the input: 'same' keeps the size at stride 1, 'valid' adds none</source>
            <translation>输入四周补的 0：'same' 在步幅为 1 时保持尺寸不变，'valid' 不补</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="309" />
            <source>Step of every convolution; 2 halves the size</source>
            <translation>每个卷积的步长；取 2 时尺寸减半</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="310" />
            <source>Pooling</source>
            <translation>池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="310" />
            <source>After each block: window side and step</source>
            <translation>每个模块之后：窗口边长和步长</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="311" />
            <source>After every convolution and hidden dense layer</source>
            <translation>放在每个卷积层和隐藏全连接层之后</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="313" />
            <source>Hidden dense layers</source>
            <translation>隐藏全连接层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="314" />
            <source>Units of each fully connected layer before the output</source>
            <translation>输出层之前每个全连接层的单元数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="317" />
            <source>Dropout</source>
            <translation>Dropout</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="318" />
            <source>Share of values dropped while training, after each hidden dense layer</source>
            <translation>训练时在每个隐藏全连接层之后丢弃的值所占的比例</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="322" />
            <source>A batch normalisation after every convolution, before its activation</source>
            <translation>在每个卷积之后、激活之前加一个批归一化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="324" />
            <location filename="../../explainer/gui/pages/training.py" line="432" />
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="324" />
            <source>Seeds the random initial weights</source>
            <translation>决定随机初始权重的种子</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="327" />
            <location filename="../../explainer/gui/pages/design.py" line="458" />
            <source>Filters in block {i}</source>
            <translation>模块 {i} 的滤波器数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="328" />
            <source>no conv blocks</source>
            <translation>没有卷积模块</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="333" />
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="335" />
            <source>Receptive field</source>
            <translation>感受野</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="336" />
            <source>Multiply-adds</source>
            <translation>乘加次数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="337" />
            <source>What it does</source>
            <translation>作用</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="340" />
            <source>Side of the square of input pixels one unit of the layer sees (all: the whole input)</source>
            <translation>这一层的一个单元所看到的输入像素方块的边长（全部：整个输入）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="342" />
            <source>Multiplications (each with an addition) per image</source>
            <translation>每张图像的乘法次数（每次乘法伴随一次加法）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="343" />
            <source>Build network</source>
            <translation>构建网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="344" />
            <source>Make this network with fresh random weights and use it</source>
            <translation>用全新的随机权重构建这个网络并使用它</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="489" />
            <source>the 28×28 image, one grey channel</source>
            <translation>28×28 的图像，一个灰度通道</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="493" />
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="505" />
            <source>This network cannot be built: {reason}</source>
            <translation>无法构建这个网络：{reason}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="511" />
            <source>{layers} layers, {weights:,} weights to learn, {work:,} multiply-adds per image</source>
            <translation>{layers} 层，{weights:,} 个待学习的权重，每张图像 {work:,} 次乘加</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="40" />
            <source>The synthesised input is plain white: ink anywhere raises this channel, so a page full of ink excites it most. </source>
            <translation>合成的输入是一片纯白：任何位置的笔迹都会提高这个通道的值，所以满页笔迹最能激发它。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="44" />
            <source>The synthesised input is plain black: ink anywhere lowers this channel, so an empty page excites it most. </source>
            <translation>合成的输入是一片纯黑：任何位置的笔迹都会降低这个通道的值，所以空白的页面最能激发它。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="97" />
            <source>Compute for this model</source>
            <translation>为此模型计算</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="98" />
            <source>Rank the test images and synthesise the inputs in the background</source>
            <translation>在后台为测试图像排序并合成输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="159" />
            <source>Computing on {data}…</source>
            <translation>正在用{data}计算…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="166" />
            <source>the given images</source>
            <translation>给定的图像</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="169" />
            <source>the {name} test set</source>
            <translation>{name} 测试集</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="170" />
            <source>the 100 bundled gallery samples (no data folder: choose one in Train or Test set to use the test set)</source>
            <translation>随附的 100 个图库样本（没有数据文件夹：在“训练”或“测试集”中选择一个即可使用测试集）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="226" />
            <source>Left: the {k} test images whose strongest {name} unit of channel {c} is highest (its value under each); the outlined patch is all that unit sees. Right: grey, changed by gradient ascent until channel {c}'s mean activation rose from {start} to {end}.</source>
            <translation>左：通道 {c} 在 {name} 中最强单元的值最高的 {k} 张测试图像（每张下方是该值）；框出的区域就是该单元能看到的全部。右：从灰色开始，经梯度上升修改，直到通道 {c} 的平均激活从 {start} 升到 {end}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="242" />
            <source>channel </source>
            <translation>通道 </translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="247" />
            <source>Not computed for this model yet: press “Compute for this model”.</source>
            <translation>尚未为此模型计算：请按“为此模型计算”。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="251" />
            <source>The bundled model's results, precomputed on {n} test images by {command}.</source>
            <translation>随附模型的结果，由 {command} 在 {n} 张测试图像上预先计算。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="257" />
            <source>Computed for this model on {data} ({n} images).</source>
            <translation>已为此模型在{data}上计算（{n} 张图像）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="92" />
            <source>Your drawing and what the VAE makes of it</source>
            <translation>你的绘画，以及 VAE 把它变成了什么</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="96" />
            <source>x (input)</source>
            <translation>x（输入）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="98" />
            <source>x′ = decoder(z)</source>
            <translation>x′ = 解码器(z)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="100" />
            <source>Reparameterization</source>
            <translation>重参数化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="104" />
            <source>Resample ε</source>
            <translation>重新采样 ε</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="105" />
            <source>Draw a new ε ~ N(0, I): z moves inside the ellipse, x′ changes</source>
            <translation>抽取新的 ε ~ N(0, I)：z 在椭圆内移动，x′ 随之改变</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="107" />
            <source>Loss terms for your drawing (nats)</source>
            <translation>你的绘画的损失项（奈特）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="116" />
            <source>Switch among the bundled VAEs, trained with different c (β)</source>
            <translation>在以不同 c (β) 训练的自带 VAE 之间切换</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="122" />
            <source>The VAE minimises L = c·KL + reconstruction. A larger c pulls every q(z|x) towards N(0, I): the KL term falls, the reconstruction gets blurrier and its loss rises.</source>
            <translation>VAE 最小化 L = c·KL + 重建损失。c 越大，每个 q(z|x) 就越被拉向 N(0, I)：KL 项下降，重建变得更模糊，重建损失上升。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="311" />
            <source>BCE (reconstruction)</source>
            <translation>BCE（重建）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="312" />
            <source>L1 (the seed's)</source>
            <translation>L1（种子教材的）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="313" />
            <source>KL(q(z|x) ‖ N(0, I))</source>
            <translation>KL(q(z|x) ‖ N(0, I))</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="314" />
            <source>L = c·KL + BCE</source>
            <translation>L = c·KL + BCE</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="321" />
            <location filename="../../explainer/gui/pages/generative_train.py" line="236" />
            <source>c (β)</source>
            <translation>c (β)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="322" />
            <location filename="../../explainer/gui/pages/generative.py" line="342" />
            <source>No VAE is bundled with this copy of the app.</source>
            <translation>这份程序没有附带 VAE。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="325" />
            <source>c (β) = {beta}</source>
            <translation>c (β) = {beta}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="328" />
            <source>your VAE from the Train a VAE tab</source>
            <translation>你在“训练 VAE”标签页中训练的 VAE</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="328" />
            <source>a bundled VAE</source>
            <translation>一个自带的 VAE</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="329" />
            <source>In use: {which}, trained with c = {beta} on {dataset}.</source>
            <translation>正在使用：{which}，以 c = {beta} 在 {dataset} 上训练。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="334" />
            <source>Mean −ELBO on its test images: {elbo} nats.</source>
            <translation>在它的测试图像上的平均 −ELBO：{elbo} 奈特。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="351" />
            <source>This VAE was trained on {trained}, not on {dataset}: it encodes your image as if it were one of its {trained} images, so the reconstruction looks like one. Train a VAE on {dataset} in the Train a VAE tab to explore its own latent space.</source>
            <translation>这个 VAE 是在 {trained} 上训练的，而不是 {dataset}：它把你的图像当作一张 {trained} 图像来编码，所以重建结果看起来也像一张 {trained} 图像。在“训练 VAE”标签页中用 {dataset} 训练一个 VAE，就能探索它自己的潜在空间。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="362" />
            <source>Latent map</source>
            <translation>潜在空间地图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="362" />
            <source>Manifold grid</source>
            <translation>流形网格</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="362" />
            <source>Morph</source>
            <translation>渐变</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative.py" line="362" />
            <source>Train a VAE</source>
            <translation>训练 VAE</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_grid.py" line="46" />
            <source>cell ({row}, {col}) decodes z = ({z1}, {z2})</source>
            <translation>格子 ({row}, {col}) 解码的是 z = ({z1}, {z2})</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_grid.py" line="68" />
            <source>Cells per side</source>
            <translation>每边格数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_grid.py" line="73" />
            <source>The decoder's output over the latent plane. Cell (r, c) decodes z = (Φ⁻¹((c + ½)/n), Φ⁻¹(1 − (r + ½)/n)), where Φ⁻¹ is the inverse of the normal distribution's CDF: every cell holds the same share of the prior N(0, I), as in Kingma and Welling's Fig. 4. Hover a cell to read its z.</source>
            <translation>解码器在潜在平面上的输出。格子 (r, c) 解码的是 z = (Φ⁻¹((c + ½)/n), Φ⁻¹(1 − (r + ½)/n))，其中 Φ⁻¹ 是正态分布累积分布函数的反函数：每个格子占先验 N(0, I) 的同样份额，与 Kingma 和 Welling 的图 4 相同。把鼠标停在格子上可读出它的 z。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_map.py" line="263" />
            <source>Decoded under the mouse</source>
            <translation>鼠标下的解码结果</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_map.py" line="265" />
            <source>Each dot is one test image's μ, coloured by its class. The large dot is your drawing's μ; the rings are 1σ and 2σ of q(z|x); × is the sample z. Move the mouse over the map: the decoder turns the point under it into the image above.</source>
            <translation>每个点是一张测试图像的 μ，颜色表示类别。大圆点是你的绘画的 μ；两个圈是 q(z|x) 的 1σ 和 2σ；× 是采样得到的 z。在地图上移动鼠标：解码器会把鼠标下的点变成上方的图像。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_map.py" line="271" />
            <source>Hover or drag anywhere to decode that point</source>
            <translation>悬停或拖动到任意位置即可解码该点</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_morph.py" line="194" />
            <source>Draw first: one end of the morph is your drawing.</source>
            <translation>请先画一画：渐变的一端是你的绘画。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_morph.py" line="299" />
            <location filename="../../explainer/gui/pages/sidebyside.py" line="214" />
            <source>Your drawing</source>
            <translation>你的绘画</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_morph.py" line="302" />
            <source>Gallery image {n}: {name}</source>
            <translation>图库图像 {n}：{name}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_morph.py" line="303" />
            <source>An image file…</source>
            <translation>图像文件…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_morph.py" line="312" />
            <source>From</source>
            <translation>起点</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_morph.py" line="312" />
            <source>To</source>
            <translation>终点</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_morph.py" line="312" />
            <source>Steps</source>
            <translation>步数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_morph.py" line="316" />
            <location filename="../../explainer/gui/pages/generative_train.py" line="450" />
            <location filename="../../explainer/gui/pages/job.py" line="176" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_morph.py" line="316" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_morph.py" line="317" />
            <source>Export GIF…</source>
            <translation>导出 GIF…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_morph.py" line="319" />
            <source>Both images are encoded to their μ; the points on the straight line between them, z = (1 − t)·μ₀ + t·μ₁, are decoded. The first and last frames are the decodings of the two μ themselves, not the images: what the VAE keeps of them.</source>
            <translation>两张图像都被编码为各自的 μ；它们之间直线上的点 z = (1 − t)·μ₀ + t·μ₁ 被逐一解码。第一帧和最后一帧是两个 μ 本身的解码结果，而不是原图：这是 VAE 从它们身上保留下来的东西。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_parts.py" line="160" />
            <source>μ (mean)</source>
            <translation>μ（均值）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_parts.py" line="160" />
            <source>The encoder's mean of q(z|x): the centre of the ellipse on the map</source>
            <translation>编码器给出的 q(z|x) 的均值：地图上椭圆的中心</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_parts.py" line="162" />
            <source>σ = exp(½ log σ²)</source>
            <translation>σ = exp(½ log σ²)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_parts.py" line="163" />
            <source>The encoder's standard deviation of q(z|x): the ellipse's half-axes are 1σ and 2σ</source>
            <translation>编码器给出的 q(z|x) 的标准差：椭圆的半轴为 1σ 和 2σ</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_parts.py" line="165" />
            <source>ε ~ N(0, I)</source>
            <translation>ε ~ N(0, I)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_parts.py" line="165" />
            <source>The noise drawn for this sample; Resample draws a new one</source>
            <translation>这次采样抽到的噪声；“重新采样”会抽取新的噪声</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_parts.py" line="167" />
            <source>z = μ + σ ⊙ ε</source>
            <translation>z = μ + σ ⊙ ε</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_parts.py" line="168" />
            <source>The sampled latent code the decoder turns into the reconstruction</source>
            <translation>采样得到的潜在编码，解码器把它变成重建结果</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_parts.py" line="214" />
            <source>Draw to see the loss terms of your drawing</source>
            <translation>画点什么，就能看到你的绘画的损失项</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="214" />
            <source>A fresh VAE with a 2-D latent space learns from the training images: the curves show the reconstruction term (BCE) and the KL term per image, and every few steps the map shows where the encoder puts the test images, as the classes sort themselves out.</source>
            <translation>一个全新的二维潜在空间 VAE 从训练图像中学习：曲线显示每张图像的重建项（BCE）和 KL 项；每隔几步，地图会显示编码器把测试图像放在哪里，可以看到各个类别逐渐分开。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="237" />
            <location filename="../../explainer/gui/pages/training.py" line="427" />
            <source>Training images</source>
            <translation>训练图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="238" />
            <location filename="../../explainer/gui/pages/training.py" line="425" />
            <source>Batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="239" />
            <source>Redraw the map every (steps)</source>
            <translation>每隔多少步重画地图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="242" />
            <location filename="../../explainer/gui/pages/job.py" line="166" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="244" />
            <location filename="../../explainer/gui/pages/job.py" line="168" />
            <location filename="../../explainer/gui/pages/testset.py" line="619" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="245" />
            <source>Save…</source>
            <translation>保存…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="246" />
            <source>Use in this tab</source>
            <translation>在本标签页中使用</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="333" />
            <location filename="../../explainer/gui/pages/training.py" line="394" />
            <source>Paused. Resume goes on from here.</source>
            <translation>已暂停。“继续”会从这里接着训练。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="334" />
            <location filename="../../explainer/gui/pages/training.py" line="356" />
            <source>loading the data…</source>
            <translation>正在加载数据…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="334" />
            <location filename="../../explainer/gui/pages/generative_train.py" line="346" />
            <location filename="../../explainer/gui/pages/training.py" line="357" />
            <location filename="../../explainer/gui/pages/training.py" line="400" />
            <source>Training…</source>
            <translation>正在训练…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="355" />
            <location filename="../../explainer/gui/pages/training.py" line="403" />
            <source>Stopping after this step…</source>
            <translation>这一步结束后停止…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="388" />
            <source>step {step} of {steps}, epoch {epoch}</source>
            <translation>第 {step} 步，共 {steps} 步，第 {epoch} 轮</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="393" />
            <source>Reconstruction {recon} nats, KL {kl} nats per image</source>
            <translation>每张图像：重建 {recon} 奈特，KL {kl} 奈特</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="420" />
            <source>Trained {step} steps. Save the VAE or use it in this tab.</source>
            <translation>已训练 {step} 步。可以保存这个 VAE，或在本标签页中使用它。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="422" />
            <source>Stopped after {step} steps. Save the VAE or use it in this tab.</source>
            <translation>训练 {step} 步后停止。可以保存这个 VAE，或在本标签页中使用它。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="425" />
            <source>Stopped before the first step.</source>
            <translation>在第一步之前就停止了。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="442" />
            <source>Save the VAE</source>
            <translation>保存 VAE</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="442" />
            <source>VAE (*.npz)</source>
            <translation>VAE (*.npz)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="448" />
            <source>Train a VAE on {dataset}</source>
            <translation>在 {dataset} 上训练 VAE</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="450" />
            <location filename="../../explainer/gui/pages/job.py" line="176" />
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="451" />
            <source>training step</source>
            <translation>训练步数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="452" />
            <source>nats per image</source>
            <translation>每张图像的奈特数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="454" />
            <source>reconstruction (BCE)</source>
            <translation>重建（BCE）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/generative_train.py" line="455" />
            <source>KL</source>
            <translation>KL</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="84" />
            <source>pixel ({i}, {j})</source>
            <translation>像素 ({i}, {j})</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="113" />
            <source>Label</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="115" />
            <source>The class the loss L is computed against</source>
            <translation>计算损失 L 所对照的类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="117" />
            <source>ε</source>
            <translation>ε</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="120" />
            <source>How far each number is nudged</source>
            <translation>每个数被挪动的幅度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="127" />
            <source>Break ties</source>
            <translation>打破并列</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="128" />
            <source>Check on the input plus ±0.001 of fixed noise, so max-pool windows do not tie</source>
            <translation>在输入上加 ±0.001 的固定噪声再检验，使最大池化窗口不再并列</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="137" />
            <source>Layer whose weights “Add weights” picks from</source>
            <translation>“添加权重”从哪一层中挑选权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="141" />
            <source>Add weights</source>
            <translation>添加权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="142" />
            <source>Check a few random weights of the chosen layer</source>
            <translation>检验所选层中随机挑选的几个权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="144" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="292" />
            <source>click pixels to check them</source>
            <translation>点击像素来检验它们</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="299" />
            <source>outlined: pixels in the table</source>
            <translation>框出的是表格中的像素</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="308" />
            <source>corner: slopes {l} | {r}</source>
            <translation>拐点：两侧斜率 {l} | {r}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="328" />
            <source>Largest relative error away from corners: &lt;b&gt;{e}&lt;/b&gt;</source>
            <translation>拐点之外的最大相对误差：&lt;b&gt;{e}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="336" />
            <source>&lt;p&gt;Back-propagation gives every dL/dθ in one backward pass. The backprop column is the trace every view shows, computed in {dtype}. The check nudges one number θ by ±ε and measures the loss of the same weights in float64: &lt;i&gt;(L(θ+ε) − L(θ−ε)) / 2ε&lt;/i&gt;, so rounding stays far below the difference. Relative error = |backprop − numeric| / max(|backprop|, |numeric|); below {good} the shown numbers are right to the precision of {dtype}.&lt;/p&gt;</source>
            <translation>&lt;p&gt;反向传播一次就给出所有 dL/dθ。“反向传播”一列就是各视图显示的追踪结果，以 {dtype} 计算。检验把一个数 θ 推动 ±ε，并用同一组权重在 float64 下测量损失：&lt;i&gt;(L(θ+ε) − L(θ−ε)) / 2ε&lt;/i&gt;，这样舍入误差远小于差值。相对误差 = |反向传播 − 数值| / max(|反向传播|, |数值|)；低于 {good} 时，显示的数字在 {dtype} 的精度内是正确的。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="342" />
            <source>&lt;p&gt;A &lt;b&gt;corner&lt;/b&gt; means a ReLU input or a max-pool tie sits within ±ε: the slope differs on the two sides, the derivative does not exist there, and backprop takes one side. A black background makes every pooling window there an exact tie, so nudging a pixel beside the stroke may break one; “break ties” checks the input plus ±0.001 of fixed noise instead, so that the derivative exists (that input is then not quite the one the views show).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;拐点&lt;/b&gt;表示某个 ReLU 输入或最大池化的并列值落在 ±ε 之内：两侧斜率不同，该处导数不存在，反向传播取其中一侧。黑色背景使那里的每个池化窗口都完全并列，因此推动笔画旁边的像素可能打破并列；“打破并列”改为在输入上加 ±0.001 的固定噪声再检验，使导数存在（此时的输入与视图显示的略有不同）。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="356" />
            <source>number θ</source>
            <translation>数 θ</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="356" />
            <source>backprop dL/dθ</source>
            <translation>反向传播 dL/dθ</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="356" />
            <source>central difference</source>
            <translation>中心差分</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="356" />
            <source>relative error</source>
            <translation>相对误差</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="356" />
            <source>note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/job.py" line="63" />
            <source>Choose the folder that holds the {name} files first.</source>
            <translation>请先选择存放 {name} 文件的文件夹。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="134" />
            <source>It is a</source>
            <translation>它是</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="137" />
            <source>The true class of your drawing (starts at the network's guess)</source>
            <translation>你所写数字的真实类别（初始为网络的猜测）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="142" />
            <source>Step size: every weight moves by −lr · dL/dW</source>
            <translation>步长：每个权重移动 −lr · dL/dW</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="146" />
            <source>Apply one SGD step</source>
            <translation>执行一步 SGD</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="147" />
            <source>Compute dL/dW for this input and label, and move every weight once</source>
            <translation>针对这个输入和标签计算 dL/dW，并把每个权重移动一次</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="152" />
            <source>Put back the weights from before the last step</source>
            <translation>恢复上一步之前的权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="156" />
            <source>Restore bundled model</source>
            <translation>恢复自带的模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="157" />
            <source>Reload the bundled trained model</source>
            <translation>重新加载自带的已训练模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="177" />
            <source>How each layer's weights changed (ΔW = −lr · dL/dW)</source>
            <translation>各层权重的变化（ΔW = −lr · dL/dW）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="181" />
            <source>Feature maps of</source>
            <translation>特征图：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="279" />
            <source>Undone: the weights are back to what they were before that step.</source>
            <translation>已撤销：权重恢复到那一步之前的样子。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="287" />
            <source>Cannot reload the bundled model: {e}</source>
            <translation>无法重新加载自带的模型：{e}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="348" />
            <source>Draw or pick an image, say which class it is, and teach the network.</source>
            <translation>画一张或选一张图片，告诉网络它属于哪一类，然后教教网络。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="354" />
            <source>Loss now: L = {L}</source>
            <translation>当前损失：L = {L}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="366" />
            <source>Loss: {a} → &lt;b&gt;{b}&lt;/b&gt; ({d})</source>
            <translation>损失：{a} → &lt;b&gt;{b}&lt;/b&gt;（{d}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="374" />
            <source>p({y}) went from {a} to {b}. Every weight moved by −lr · dL/dW, lr = {lr}.</source>
            <translation>p({y}) 从 {a} 变为 {b}。每个权重都移动了 −lr · dL/dW，lr = {lr}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="387" />
            <source>Δb: largest |change| {v}</source>
            <translation>Δb：最大 |变化| {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="390" />
            <source>ΔW {name}</source>
            <translation>ΔW {name}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="407" />
            <source>This step changed the model the whole window uses: on the {n} gallery images it gets {a} → &lt;b&gt;{b}&lt;/b&gt; right.</source>
            <translation>这一步改变了整个窗口使用的模型：在 {n} 张示例图片上，正确率 {a} → &lt;b&gt;{b}&lt;/b&gt;。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="412" />
            <source>Undo or Model → Restore bundled model puts the old weights back.</source>
            <translation>“撤销”或“模型 → 恢复自带的模型”可以恢复原来的权重。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="432" />
            <source>feature maps now</source>
            <translation>当前的特征图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="441" />
            <source>after − before</source>
            <translation>之后 − 之前</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="450" />
            <source>Probabilities before</source>
            <translation>之前的概率</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="450" />
            <source>after the step</source>
            <translation>这一步之后</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="119" />
            <source>A photo of a shirt on a white table becomes a bright grey shirt on black: the background, judged from the picture's border, turns black, the picture is cropped to the shirt, its longer side scaled to 28 pixels with its shape kept, and it is centred in the 28x28 frame.</source>
            <translation>白色桌面上的一张衬衫照片会变成黑底上的一件灰白衬衫：背景（根据图片边缘判断）变成黑色，图片被裁剪到衬衫，长边缩放到 28 像素并保持形状，然后居中放进 28x28 的画框。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="125" />
            <source>A photo of a shirt on a white table becomes a bright grey shirt on black: the background, judged from the picture's border, turns black, and the whole picture, not cropped, is scaled so its longer side is 28 pixels, its shape kept, with black bars on the shorter side.</source>
            <translation>白色桌面上的一张衬衫照片会变成黑底上的一件灰白衬衫：背景（根据图片边缘判断）变成黑色，整张图片不裁剪，缩放到长边为 28 像素并保持形状，短边两侧补上黑边。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="132" />
            <source>Invert then swaps black and white, for pictures where that guess goes wrong.</source>
            <translation>“反相”随后再把黑白对调，用于背景判断出错的图片。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="163" />
            <source>Your own images…</source>
            <translation>你自己的图像…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="164" />
            <source>Train on a folder with one subfolder of images per class (the subfolder names become the class names), or on a folder with IDX files</source>
            <translation>用一个每个类别一个图像子文件夹的文件夹（子文件夹名就是类别名）或含有 IDX 文件的文件夹来训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="171" />
            <source>Forget them</source>
            <translation>不再使用</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="172" />
            <source>Train on the data set's own images again</source>
            <translation>重新用数据集自己的图像训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="176" />
            <source>Invert</source>
            <translation>反相</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="177" />
            <source>Swap black and white: for pictures whose background the app guesses wrong</source>
            <translation>黑白对调：用于程序判断错背景的图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="181" />
            <source>Crop and centre</source>
            <translation>裁剪并居中</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="182" />
            <source>Crop each picture to its object and centre it; off: scale the whole picture</source>
            <translation>把每张图片裁剪到其中的物体并居中；关闭时：缩放整张图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="231" />
            <source>Folder with one subfolder of images per class, or with IDX files</source>
            <translation>每个类别一个图像子文件夹的文件夹，或含有 IDX 文件的文件夹</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="250" />
            <source>Reading {folder}…</source>
            <translation>正在读取 {folder}…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="284" />
            <source>Reading image {done:,} of {total:,}…</source>
            <translation>正在读取第 {done:,} 张图像，共 {total:,} 张…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="312" />
            <source>Cannot use this folder: {message}</source>
            <translation>无法使用这个文件夹：{message}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="323" />
            <source>{images:,} images in {classes} classes from {folder}: {counts}. The last {validation:,} (a fair share of every class) measure the validation accuracy.</source>
            <translation>来自 {folder} 的 {images:,} 张图像，共 {classes} 个类别：{counts}。最后 {validation:,} 张（每个类别按比例各占一份）用来测量验证准确率。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="349" />
            <source>The images come in {count} sizes, from {small} to {large} pixels; each is scaled to fit 28x28, its shape kept.</source>
            <translation>这些图像有 {count} 种尺寸，从 {small} 到 {large} 像素；每张都缩放到 28x28 以内，保持形状。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="362" />
            <source>Skipped {count} files that could not be used:</source>
            <translation>跳过了 {count} 个无法使用的文件：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="366" />
            <source>… and {count} more (see the tooltip)</source>
            <translation>… 还有 {count} 个（见提示框）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="381" />
            <source>Before training, the first images of each class as the network will see them (28x28):</source>
            <translation>训练之前，先看看每个类别的前几张图像在网络眼中的样子（28x28）：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="387" />
            <source>… and {count} more classes</source>
            <translation>… 还有 {count} 个类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/own_images.py" line="390" />
            <source>{name}
{count:,} images</source>
            <translation>{name}
{count:,} 张图像</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="128" />
            <source>Playground: try your own convolution settings</source>
            <translation>试验场：试试你自己的卷积设置</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="130" />
            <location filename="../../explainer/gui/pages/sidebyside.py" line="355" />
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="131" />
            <location filename="../../explainer/gui/pages/receptive.py" line="168" />
            <source>Input size</source>
            <translation>输入尺寸</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="143" />
            <source>0/1 grid of the tutorial</source>
            <translation>教程中的 0/1 网格</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="144" />
            <source>X (tutorial)</source>
            <translation>X（教程）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="145" />
            <source>vertical edges</source>
            <translation>竖直边缘</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="146" />
            <source>horizontal edges</source>
            <translation>水平边缘</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="147" />
            <source>blur</source>
            <translation>模糊</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="148" />
            <source>valid (no padding)</source>
            <translation>valid（不填充）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="231" />
            <source>(H + 2P − K) / S + 1  =  no output</source>
            <translation>(H + 2P − K) / S + 1  =  没有输出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="164" />
            <source>How many outputs each pixel feeds</source>
            <translation>每个像素影响多少个输出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="168" />
            <source>Side of the square input, in pixels</source>
            <translation>正方形输入的边长（像素）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="169" />
            <source>Side of the square kernel</source>
            <translation>正方形卷积核的边长</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="170" />
            <source>Step of the kernel</source>
            <translation>卷积核每次移动的步长</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="173" />
            <source>What one unit sees</source>
            <translation>一个单元看到什么</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="177" />
            <source>A layer of the current network with feature maps</source>
            <translation>当前网络中带有特征图的一层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="178" />
            <source>Which feature map of the layer</source>
            <translation>这一层的哪一张特征图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="181" />
            <source>Its receptive field on the input (outlined)</source>
            <translation>它在输入上的感受野（方框）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="182" />
            <source>Its effective weight: d(unit)/d(pixel)</source>
            <translation>它的有效权重：d(单元)/d(像素)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="200" />
            <source>valid (P = 0): {n}×{n} outputs</source>
            <translation>valid（P = 0）：{n}×{n} 个输出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="201" />
            <source>same (P = {p}): {n}×{n} outputs</source>
            <translation>same（P = {p}）：{n}×{n} 个输出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="204" />
            <source>Corner pixel: feeds {vc} output(s) without padding, {sc} with. Middle pixel: {vm} and {sm}. Border pixels count less without padding; padding gives them more outputs to feed.</source>
            <translation>角上的像素：不加填充时影响 {vc} 个输出，加填充时影响 {sc} 个。中间的像素：{vm} 个和 {sm} 个。不加填充时边缘像素的作用更小；填充让它们能影响更多输出。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="272" />
            <source>{name}, channel {c}: click a unit (now row {r}, col {k})</source>
            <translation>{name}，通道 {c}：点击一个单元（当前第 {r} 行，第 {k} 列）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="279" />
            <source> Here the unit is 0 behind a ReLU, so its effective weight is zero everywhere.</source>
            <translation>这里该单元经过 ReLU 后为 0，所以它的有效权重处处为零。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/receptive.py" line="284" />
            <source>Unit ({r}, {k}) of {name} sees rows {top}–{bottom} and columns {left}–{right} of the input: {h}×{w} pixels (a field of {n}×{n} where no border cuts it). Outside it the effective weight is exactly zero.</source>
            <translation>{name} 的单元 ({r}, {k}) 看到输入的第 {top}–{bottom} 行、第 {left}–{right} 列：{h}×{w} 个像素（不被边界截断时感受野为 {n}×{n}）。在它之外，有效权重恰好为零。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="42" />
            <source>Gradient</source>
            <translation>梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="44" />
            <source>IG</source>
            <translation>IG</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="45" />
            <source>Grad-CAM</source>
            <translation>Grad-CAM</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="46" />
            <source>A − B</source>
            <translation>A − B</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="47" />
            <source>−dL/dx</source>
            <translation>−dL/dx</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="298" />
            <source>Computing the maps: {done} of {total}</source>
            <translation>正在计算归因图：{done} / {total}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="344" />
            <location filename="../../explainer/gui/pages/sanity.py" line="379" />
            <source>original</source>
            <translation>原始</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="347" />
            <source>only {layer}</source>
            <translation>仅 {layer}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="347" />
            <source>down to {layer}</source>
            <translation>往下到 {layer}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="355" />
            <source>Randomise {layer}</source>
            <translation>随机化 {layer}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="355" />
            <source>All random</source>
            <translation>已全部随机</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="367" />
            <source>Random weights: {layers}</source>
            <translation>随机权重：{layers}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="387" />
            <source>ρ = {rho}</source>
            <translation>ρ = {rho}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="389" />
            <source>ρ: a flat map</source>
            <translation>ρ：图是常数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="435" />
            <source>Sanity check (Adebayo et al., 2018): replace the trained weights by random ones, from the top layer down or one layer alone, and recompute every map. A method whose map barely changes when the weights are random is not explaining the model: it shows the digit, not what the network learned. That is what these checks are for. The window's model is not changed.</source>
            <translation>合理性检验（Adebayo 等，2018）：把训练好的权重换成随机权重（从最上层往下逐层，或只换某一层），再重新计算每张归因图。如果权重已经是随机的，某种方法的图却几乎不变，那么它并没有在解释模型：它显示的是这个数字本身，而不是网络学到的东西。这正是这些检验的用途。窗口里的模型不会被改动。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="444" />
            <source>Cascading: give the next layer from the top random weights, drawn as at initialisation</source>
            <translation>逐层（级联）：从顶层往下，给下一层换上随机权重，按初始化时的方式抽取</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="446" />
            <source>The layer “Randomise alone” makes random</source>
            <translation>“单独随机化”要随机化的层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="447" />
            <source>Randomise alone</source>
            <translation>单独随机化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="448" />
            <source>A step with only the chosen layer random, all others trained</source>
            <translation>新的一步：只有所选的层是随机的，其余各层保持训练好的权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="450" />
            <source>Back to the previous step, its weights exactly as they were</source>
            <translation>回到上一步，权重与原来一模一样</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="451" />
            <source>ρ of |map|</source>
            <translation>|图| 的 ρ</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="451" />
            <source>ρ of signed map</source>
            <translation>带符号图的 ρ</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="453" />
            <source>Spearman's rank correlation of the magnitudes (as in the paper's figures) or signed values</source>
            <translation>按数值大小（与论文中的图相同）或按带符号的数值计算 Spearman 秩相关</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="456" />
            <source>ρ is Spearman's rank correlation between a method's map on the original model and on the randomised one, over all pixels (ties share their average rank): 1 means the same ranking of pixels, 0 none in common. Top row: the original maps; bottom row: the maps of the step shown. IG: Integrated Gradients; A − B: the contrast of the two classes. Integrated Gradients from a black image multiply by the pixel, so blank paper is 0 on any model: their |map| keeps ρ near 1 whatever the weights.</source>
            <translation>ρ 是某种方法在原始模型上的图与在随机化模型上的图之间、覆盖全部像素的 Spearman 秩相关（相同的值取平均秩）：1 表示像素的排序完全相同，0 表示毫无共同之处。上一行：原始的图；下一行：当前这一步的图。IG：积分梯度；A − B：两个类别的对比。从黑色图像出发的积分梯度要乘以像素值，所以空白纸上在任何模型里都是 0：无论权重如何，它们的 |图| 的 ρ 都接近 1。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sanity.py" line="471" />
            <source>ρ with the original map</source>
            <translation>与原始图的 ρ</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="98" />
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="212" />
            <source>Input:</source>
            <translation>输入：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="215" />
            <source>An MNIST test digit</source>
            <translation>一个 MNIST 测试数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="216" />
            <source>A Fashion-MNIST test image</source>
            <translation>一张 Fashion-MNIST 测试图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="220" />
            <source>Both networks read the same input: your drawing or a test image</source>
            <translation>两个网络读取同一个输入：你的绘画或一张测试图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="221" />
            <source>Class:</source>
            <translation>类别：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="222" />
            <source>The first test image of this class in the gallery</source>
            <translation>示例图库中这个类别的第一张测试图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="223" />
            <source>conv1 kernels (red: positive weight, blue: negative)</source>
            <translation>conv1 的卷积核（红色：正权重，蓝色：负权重）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="224" />
            <source>conv1 feature maps for this input</source>
            <translation>这个输入的 conv1 特征图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="247" />
            <source>Trained on MNIST digits</source>
            <translation>在 MNIST 数字上训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="248" />
            <source>Trained on Fashion-MNIST clothes</source>
            <translation>在 Fashion-MNIST 服装上训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="254" />
            <source>The window works on this data set now</source>
            <translation>窗口当前使用这个数据集</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="260" />
            <source>The two first layers differ in shape, so their kernels cannot be paired.</source>
            <translation>两个第一层的形状不同，卷积核无法一一配对。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="262" />
            <source>Kernel k of one network against kernel k of the other: their correlation is {median} in the median (1 means the same pattern); the pair that differs most is kernel {k} (counted from the top left, along the rows), r = {r}. All pairs: {values}.</source>
            <translation>把一个网络的第 k 个卷积核与另一个网络的第 k 个对比：相关系数的中位数是 {median}（1 表示图案相同）；差别最大的是卷积核 {k}（从左上角起按行数），r = {r}。全部配对：{values}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="275" />
            <source>Both started from the same random kernels (seed {seed}), so what differs was learnt.</source>
            <translation>两个网络从同样的随机卷积核（种子 {seed}）出发，所以不同之处都是学出来的。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="314" />
            <source>It answers {name} ({percent:.0%})</source>
            <translation>它的回答是 {name}（{percent:.0%}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/sidebyside.py" line="340" />
            <source>Draw on the canvas, or choose a test image above, to see the maps both networks compute.</source>
            <translation>在画布上绘画，或在上方选一张测试图片，看看两个网络算出的特征图。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="57" />
            <source>Forward</source>
            <translation>前向</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="59" />
            <source>Backward</source>
            <translation>反向</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="60" />
            <source>Update</source>
            <translation>更新</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="206" />
            <source>True label y</source>
            <translation>真实标签 y</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="209" />
            <source>The class the loss compares with (default: the predicted class)</source>
            <translation>损失用来对比的类别（默认：预测的类别）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="213" />
            <source>Step size of the update: W ← W − lr · dL/dW</source>
            <translation>更新的步长：W ← W − lr · dL/dW</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="218" />
            <source>Show the numbers…</source>
            <translation>显示数值…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="219" />
            <source>Open this layer's backward pass with every number (backward stages)</source>
            <translation>打开这一层的反向传播，查看每一个数值（仅限反向阶段）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="318" />
            <source>Draw or pick an image to step through a training step.</source>
            <translation>画一张或选一张图片，逐步查看一次训练。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="352" />
            <source>{i} of {n}</source>
            <translation>第 {i} 个，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="356" />
            <source>loss L = {v}</source>
            <translation>损失 L = {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="358" />
            <source>loss: not yet computed</source>
            <translation>损失：尚未计算</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="360" />
            <source>stage {i} of {n}</source>
            <translation>第 {i} 个阶段，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="373" />
            <source>input x</source>
            <translation>输入 x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="377" />
            <source>weights W</source>
            <translation>权重 W</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="383" />
            <source>logits z</source>
            <translation>logits z</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="391" />
            <source>label y (one-hot, class {y})</source>
            <translation>标签 y（one-hot，类别 {y}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="399" />
            <source>dL/dy (arrives)</source>
            <translation>dL/dy（传入）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="403" />
            <source>dL/dW</source>
            <translation>dL/dW</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="405" />
            <source>laid out like W; dL/db: largest |value| {v}</source>
            <translation>排列方式与 W 相同；dL/db：最大 |值| {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="410" />
            <source>dL/dx (sent back)</source>
            <translation>dL/dx（传回）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="415" />
            <source>W before</source>
            <translation>更新前的 W</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="416" />
            <source>ΔW = −lr · dL/dW</source>
            <translation>ΔW = −lr · dL/dW</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="417" />
            <source>W after</source>
            <translation>更新后的 W</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="423" />
            <source>row o, column c: the kernel from input map c to output map o</source>
            <translation>第 o 行、第 c 列：从输入特征图 c 到输出特征图 o 的卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="425" />
            <source>one kernel per output map</source>
            <translation>每张输出特征图一个卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="431" />
            <source>row k: the weights into class k, one map per input map</source>
            <translation>第 k 行：通向类别 k 的权重，每张输入特征图一张图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="432" />
            <source>rows: outputs, columns: inputs</source>
            <translation>行：输出，列：输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="443" />
            <source>p = softmax(z);  L = −log p[y] = −log {p} = &lt;b&gt;{L}&lt;/b&gt;;  dL/dz = p − y</source>
            <translation>p = softmax(z)；  L = −log p[y] = −log {p} = &lt;b&gt;{L}&lt;/b&gt;；  dL/dz = p − y</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="447" />
            <source>The network is already sure of this label, so every gradient below is tiny; pick another label to see a big correction.</source>
            <translation>网络对这个标签已经很有把握，所以下面的梯度都很小；换一个标签，就能看到大幅度的修正。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="456" />
            <source>W ← W − lr · dL/dW with lr = {lr}: the largest weight change is &lt;b&gt;{d}&lt;/b&gt;.</source>
            <translation>W ← W − lr · dL/dW，其中 lr = {lr}：权重的最大变化为 &lt;b&gt;{d}&lt;/b&gt;。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="302" />
            <source>Press Evaluate to classify the test images.</source>
            <translation>按“评估”对测试图片分类。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="368" />
            <source>predicted class</source>
            <translation>预测类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="374" />
            <source>true class</source>
            <translation>真实类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="389" />
            <source>right</source>
            <translation>正确</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="478" />
            <source>Test image #{index}: truly {label}, the network said {predicted} ({confidence:.0%} sure). Click to open it in the explainer.</source>
            <translation>测试图片 #{index}：真实为 {label}，网络认为是 {predicted}（把握 {confidence:.0%}）。点击在讲解视图中打开。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="521" />
            <source>These results are for the previous network. Press Evaluate to update them.</source>
            <translation>这些结果属于之前的网络。按“评估”进行更新。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="551" />
            <source>loading the test set…</source>
            <translation>正在加载测试集…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="552" />
            <source>Classifying the test images…</source>
            <translation>正在对测试图片分类…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="572" />
            <source>Misclassified: {count:,}, the most confident mistakes first</source>
            <translation>分类错误：{count:,} 个，最有把握的错误排在前面</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="576" />
            <source>Class {label} classified correctly: {count:,} (only mistakes are listed)</source>
            <translation>类别 {label} 分类正确：{count:,} 个（只列出错误）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="580" />
            <source>True class {label}, predicted {predicted}: {count:,}</source>
            <translation>真实类别 {label}，预测为 {predicted}：{count:,} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="604" />
            <source>Classify the 10,000 MNIST test digits, which the network never saw while training. Each row of the matrix is a true class, each column the class the network chose. Click a cell to see its digits, and a digit to open it in the explainer.</source>
            <translation>对 10,000 个 MNIST 测试数字分类，这些数字网络在训练时从未见过。矩阵的每一行是一个真实类别，每一列是网络选择的类别。点击一个格子查看其中的数字，再点击一个数字即可在讲解视图中打开它。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="610" />
            <source>Classify the test images of {name}, which the network never saw while training. Each row of the matrix is a true class, each column the class the network chose. Click a cell to see its images, and an image to open it in the explainer.</source>
            <translation>对 {name} 的测试图片分类，这些图片网络在训练时从未见过。矩阵的每一行是一个真实类别，每一列是网络选择的类别。点击一个格子查看其中的图片，再点击一张图片即可在讲解视图中打开它。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="617" />
            <source>Evaluate</source>
            <translation>评估</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="618" />
            <source>Classify every test image with the current network</source>
            <translation>用当前网络对每张测试图片分类</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="620" />
            <source>All mistakes</source>
            <translation>全部错误</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="621" />
            <source>List every misclassified image again</source>
            <translation>重新列出所有分错的图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="691" />
            <source>{done:,} of {total:,} images</source>
            <translation>{done:,} / {total:,} 张图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="694" />
            <source>Evaluation failed: {message}</source>
            <translation>评估失败：{message}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="706" />
            <source>{total:,} images</source>
            <translation>{total:,} 张图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="709" />
            <source>{accuracy:.2%} right: {right:,} of {total:,} test images, {wrong:,} wrong</source>
            <translation>正确率 {accuracy:.2%}：{total:,} 张测试图片中对了 {right:,} 张，错了 {wrong:,} 张</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="719" />
            <source>Stopped; the results shown are from before.</source>
            <translation>已停止；显示的是之前的结果。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="128" />
            <source>Folder with the {name} files</source>
            <translation>存放 {name} 文件的文件夹</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="139" />
            <source>none chosen</source>
            <translation>尚未选择</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="149" />
            <source>Your images:</source>
            <translation>你的图像：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="149" />
            <source>{name} folder:</source>
            <translation>{name} 文件夹：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="150" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="152" />
            <source>The folder with train-images-idx3-ubyte.gz and the three other {name} files</source>
            <translation>包含 train-images-idx3-ubyte.gz 及另外三个 {name} 文件的文件夹</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="258" />
            <source>No network to train.</source>
            <translation>没有可以训练的网络。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="261" />
            <source>Trains the current network: {layers} layers, {weights:,} weights.</source>
            <translation>训练当前网络：{layers} 层，{weights:,} 个权重。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="328" />
            <source>Debiased sampling (DB-VAE) weighs every {name} training image by its code under the bundled VAE, so it needs the training images: choose the folder that holds the {name} files first.</source>
            <translation>去偏抽样（DB-VAE）按内置 VAE 给出的编码为每张 {name} 训练图像定权重，因此需要训练图像：请先选择存放 {name} 文件的文件夹。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="356" />
            <source>loading the data and encoding it with the VAE…</source>
            <translation>正在加载数据并用 VAE 编码…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="378" />
            <source>Start trains a new network for these {classes} classes ({names}); the whole window then works on your images.</source>
            <translation>“开始”会为这 {classes} 个类别（{names}）训练一个新网络；之后整个窗口都使用你的图像。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="409" />
            <source>Watch a network learn: the loss falls, the accuracy rises, and every few steps the overview and the kernels show the filters as they form. The last {count:,} {name} training images are kept aside to measure the validation accuracy after each epoch.</source>
            <translation>看着网络学习：损失下降，准确率上升，每隔几步，总览图和卷积核就会显示正在成形的滤波器。{name} 训练集的最后 {count:,} 张图片被留出来，在每轮结束后测量验证准确率。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="417" />
            <source>Adam</source>
            <translation>Adam</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="417" />
            <source>SGD with momentum</source>
            <translation>带动量的 SGD</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="420" />
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="420" />
            <source>How the gradients change the weights</source>
            <translation>梯度如何改变权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="423" />
            <source>Size of each step at the start; it decays to zero over the run (cosine schedule)</source>
            <translation>开始时每一步的步长；它会在训练过程中逐渐衰减到零（余弦调度）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="425" />
            <source>Images per step: the gradient is averaged over them</source>
            <translation>每一步用的图片数：梯度取它们的平均</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="426" />
            <source>Passes over the training images</source>
            <translation>遍历训练图片的次数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="427" />
            <source>How many training images one epoch uses</source>
            <translation>每轮使用多少张训练图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="429" />
            <source>Refresh every</source>
            <translation>刷新间隔</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="430" />
            <source>Show the network's current weights every this-many steps</source>
            <translation>每隔这么多步显示一次网络当前的权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="432" />
            <source>Seeds the order of the images and the augmentation</source>
            <translation>决定图片顺序和数据增强的随机种子</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="435" />
            <source> steps</source>
            <translation> 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="437" />
            <source>Train the current network from its current weights</source>
            <translation>从当前权重开始训练当前网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="438" />
            <source>End after this step and keep the weights</source>
            <translation>在这一步之后结束，并保留权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="470" />
            <source>Augment (rotate, scale, shift, thicken)</source>
            <translation>数据增强（旋转、缩放、平移、加粗）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="471" />
            <source>Random changes to every training image so the network copes with drawings and photos</source>
            <translation>对每张训练图片做随机变化，让网络能应付手绘和照片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="478" />
            <source>Debiased sampling (DB-VAE)</source>
            <translation>去偏抽样（DB-VAE）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="479" />
            <source>Draw rare digits more often: each training image with probability ∝ 1 / (density + α) of its code under the bundled VAE, α = {alpha} (Lessons › Debiasing). Needs the MNIST folder.</source>
            <translation>更频繁地抽取少见的数字：每张训练图像被抽到的概率 ∝ 1 / (密度 + α)，密度来自它在内置 VAE 下的编码，α = {alpha}（课程 › 去偏）。需要 MNIST 文件夹。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="567" />
            <source>Loss (cross-entropy)</source>
            <translation>损失（交叉熵）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="568" />
            <source>Accuracy (%)</source>
            <translation>准确率（%）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="570" />
            <source>epoch</source>
            <translation>轮</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="572" />
            <source>each batch</source>
            <translation>每一批</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="573" />
            <source>moving average</source>
            <translation>滑动平均</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="574" />
            <source>training batches (moving average)</source>
            <translation>训练批次（滑动平均）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="575" />
            <source>validation, after each epoch</source>
            <translation>验证集，每轮之后</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="629" />
            <source>epoch {epoch}/{epochs} · step {step:,}/{total:,}</source>
            <translation>第 {epoch}/{epochs} 轮 · 第 {step:,}/{total:,} 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="638" />
            <source> · about {time} left</source>
            <translation> · 大约还剩 {time}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="639" />
            <source>{rate:,.0f} images/s · {elapsed} elapsed{eta}</source>
            <translation>{rate:,.0f} 张图片/秒 · 已用 {elapsed}{eta}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="646" />
            <source> · loss of the last batch {loss:.3f}, moving average {average:.3f}</source>
            <translation> · 最近一批的损失 {loss:.3f}，滑动平均 {average:.3f}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="650" />
            <source> · loss of the last batch {loss:.3f}</source>
            <translation> · 最近一批的损失 {loss:.3f}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="652" />
            <source> · mean loss of epoch {epoch} {loss:.3f}</source>
            <translation> · 第 {epoch} 轮的平均损失 {loss:.3f}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="656" />
            <source> · validation accuracy {accuracy:.1%}</source>
            <translation> · 验证准确率 {accuracy:.1%}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="670" />
            <location filename="../../explainer/gui/pages/training.py" line="690" />
            <source>Training failed: {message}</source>
            <translation>训练失败：{message}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="685" />
            <source> The network keeps the weights shown at step {step:,}.</source>
            <translation>网络保留第 {step:,} 步时显示的权重。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="687" />
            <source> The network is unchanged.</source>
            <translation>网络没有改变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="694" />
            <source>Stopped after step {step:,}; the network keeps the weights of that step.</source>
            <translation>在第 {step:,} 步之后停止；网络保留那一步的权重。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="698" />
            <source>Stopped before the first step; the network is unchanged.</source>
            <translation>在第一步之前就停止了；网络没有改变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="702" />
            <source>Done: {step:,} steps. The network keeps its best epoch (validation accuracy {accuracy:.2%}).</source>
            <translation>完成：共 {step:,} 步。网络保留表现最好的那一轮（验证准确率 {accuracy:.2%}）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="765" />
            <source>Go on training</source>
            <translation>继续训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="765" />
            <source>Hold after this step; the thread sleeps meanwhile</source>
            <translation>在这一步之后暂停；期间线程处于休眠</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/state.py" line="403" />
            <source>the input must be one {size} image, got an array of shape {shape}</source>
            <translation>输入必须是一张 {size} 的图像，收到的数组形状是 {shape}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/targetbar.py" line="71" />
            <source>Gradient of</source>
            <translation>求梯度：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/targetbar.py" line="72" />
            <source>the loss for the true label</source>
            <translation>真实标签的损失</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/targetbar.py" line="73" />
            <source>the score of one class</source>
            <translation>某一类别的得分</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/targetbar.py" line="75" />
            <source>Loss: how every value should change so the network is less wrong about the true label. Score: what makes the network say this class, whatever the true label is.</source>
            <translation>损失：每个值该怎样变化，才能让网络在真实标签上错得少一些。得分：是什么让网络说出这个类别，而不管真实标签是什么。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/targetbar.py" line="80" />
            <source>predicted</source>
            <translation>预测类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/targetbar.py" line="82" />
            <source>Pick a class or type its name; "predicted" follows what the network answers</source>
            <translation>选择一个类别或输入它的名称；“预测类别”会跟随网络的答案</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/targetbar.py" line="88" />
            <source>true label y:</source>
            <translation>真实标签 y：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/targetbar.py" line="88" />
            <source>class k:</source>
            <translation>类别 k：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="276" />
            <source>Score: {right} of {answered} right</source>
            <translation>得分：答对 {right} 题，共答 {answered} 题</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="295" />
            <source>Choose an answer (keys 1 to {n}) and check it (Enter); the explanation follows.</source>
            <translation>选一个答案（按键 1 到 {n}），然后检查（Enter）；之后会显示讲解。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="301" />
            <source>Right!</source>
            <translation>答对了！</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="303" />
            <source>Not quite: the answer is {choice}.</source>
            <translation>不太对：答案是 {choice}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="332" />
            <source>&amp;Guided tour</source>
            <translation>分步导览(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="334" />
            <source>Learn mode: walk through one forward and backward pass on your input, stop by stop (F2)</source>
            <translation>学习模式：在你的输入上一站一站地走完一次前向和反向传播（F2）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="337" />
            <source>True label y:</source>
            <translation>真实标签 y：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="338" />
            <source>The class your input really is; the loss and gradients follow it</source>
            <translation>你的输入真正所属的类别；损失和梯度都跟随它</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="339" />
            <source>Start over</source>
            <translation>从头开始</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="340" />
            <source>Go back to the first stop</source>
            <translation>回到第一站</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="341" />
            <source>◀ Back</source>
            <translation>◀ 上一站</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="342" />
            <source>Previous stop (Left or Page Up)</source>
            <translation>上一站（← 或 Page Up）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="343" />
            <source>Leave</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="344" />
            <source>Check</source>
            <translation>检查</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="345" />
            <source>Check your answer against the numbers of your input (Enter)</source>
            <translation>用你的输入的实际数值检查你的答案（Enter）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="346" />
            <source>Questions answered right in this run of the tour</source>
            <translation>本次导览中答对的题数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="347" />
            <source>Leave the tour; it resumes at this stop next time (Esc)</source>
            <translation>退出导览；下次会从这一站继续（Esc）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="350" />
            <location filename="../../explainer/gui/tour/panel.py" line="402" />
            <location filename="../../explainer/gui/tour/panel.py" line="439" />
            <source>Learn mode</source>
            <translation>学习模式</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="397" />
            <source>Finish</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="397" />
            <source>Next ▶</source>
            <translation>下一站 ▶</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="399" />
            <source>End the tour (Right or Page Down)</source>
            <translation>结束导览（→ 或 Page Down）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="399" />
            <source>Next stop (Right or Page Down)</source>
            <translation>下一站（→ 或 Page Down）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="407" />
            <source>Stop {i} of {n}</source>
            <translation>第 {i} 站，共 {n} 站</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/quiz.py" line="98" />
            <source>Predict first: {layer} slides {n} kernels of {k}×{k} with stride {s} and padding {p} over an input of {shape}. What size is its output?</source>
            <translation>先预测：{layer} 用 {n} 个 {k}×{k} 的卷积核，以步幅 {s}、填充 {p} 在 {shape} 的输入上滑动。它的输出有多大？</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/quiz.py" line="102" />
            <source>(H + 2P − K) / S + 1 = ({h} + 2·{p} − {k}) / {s} + 1 = {out}, and one map per kernel: {answer}.</source>
            <translation>(H + 2P − K) / S + 1 = ({h} + 2·{p} − {k}) / {s} + 1 = {out}，每个卷积核一张特征图：{answer}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/quiz.py" line="119" />
            <source>Predict first: going into {layer}, map {c} holds {x} at row {r}, column {col}. Once the loss is back-propagated, will dL/dx be zero there?</source>
            <translation>先预测：进入 {layer} 时，特征图 {c} 在第 {r} 行、第 {col} 列的值是 {x}。损失反向传播之后，那里的 dL/dx 会是零吗？</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/quiz.py" line="123" />
            <source>Yes, zero</source>
            <translation>是，为零</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/quiz.py" line="123" />
            <source>No, not zero</source>
            <translation>不，不为零</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/quiz.py" line="125" />
            <source>ReLU passes no gradient where its input is ≤ 0: dL/dx = 0.</source>
            <translation>在输入 ≤ 0 的地方，ReLU 不传递梯度：dL/dx = 0。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/quiz.py" line="127" />
            <source>The input is positive, so ReLU passes the gradient on unchanged; but what comes back from above is 0 here (pooling did not pick this value), so dL/dx = 0.</source>
            <translation>输入为正，所以 ReLU 原样传递梯度；但从上面传回来的梯度在这里是 0（池化没有选中这个值），所以 dL/dx = 0。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/quiz.py" line="132" />
            <source>The input is positive, so ReLU passes the gradient on unchanged: dL/dx = {g}.</source>
            <translation>输入为正，所以 ReLU 原样传递梯度：dL/dx = {g}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/quiz.py" line="166" />
            <source>Predict first: {layer} keeps the largest value of each window. Its map {c} holds {v} at row {r}, column {col}. Which of these windows of its input gives that value?</source>
            <translation>先预测：{layer} 保留每个窗口中的最大值。它的特征图 {c} 在第 {r} 行、第 {col} 列的值是 {v}。它的输入中哪一个窗口给出这个值？</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/quiz.py" line="170" />
            <source>The window at row {r}, column {col}: its largest value is {v}.</source>
            <translation>第 {r} 行、第 {col} 列的窗口：它的最大值是 {v}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/quiz.py" line="172" />
            <source>Predict first: {layer} keeps the average of each window. Its map {c} holds {v} at row {r}, column {col}. Which of these windows of its input gives that value?</source>
            <translation>先预测：{layer} 保留每个窗口的平均值。它的特征图 {c} 在第 {r} 行、第 {col} 列的值是 {v}。它的输入中哪一个窗口给出这个值？</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/quiz.py" line="176" />
            <source>The window at row {r}, column {col}: its average is {v}.</source>
            <translation>第 {r} 行、第 {col} 列的窗口：它的平均值是 {v}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="279" />
            <source>The canvas was empty, so the tour put a test image labelled {label} on it. The network reads it as {guess} with probability {p}. Draw your own at any time: every stop follows it.</source>
            <translation>画布是空的，所以导览在上面放了一张标签为 {label} 的测试图片。网络把它认作 {guess}，概率为 {p}。你随时可以自己绘画：每一站都会跟着它更新。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="284" />
            <source>Everything starts with your drawing: bright on black, like the {dataset} images the network learned from. It reads your drawing as {guess} with probability {p}. Keep drawing at any time: every stop follows the new drawing.</source>
            <translation>一切从你的绘画开始：黑底亮图，和网络学习时用的 {dataset} 图片一样。网络把你的绘画认作 {guess}，概率为 {p}。你随时可以继续绘画：每一站都会跟着新的绘画更新。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="290" />
            <source>The canvas was empty, so the tour put a test digit labelled {label} on it. The network reads it as {guess} with probability {p}. Draw your own digit at any time: every stop follows it.</source>
            <translation>画布是空的，所以导览在上面放了一个标签为 {label} 的测试数字。网络把它认作 {guess}，概率为 {p}。你随时可以写自己的数字：每一站都会跟着它更新。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="295" />
            <source>Everything starts with your drawing: white ink on black, like the MNIST digits the network learned from. It reads your digit as {guess} with probability {p}. Keep drawing at any time: every stop follows the new digit.</source>
            <translation>一切从你的手写开始：黑底白字，和网络学习时用的 MNIST 数字一样。网络把你的数字认作 {guess}，概率为 {p}。你随时可以继续书写：每一站都会跟着新的数字更新。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="308" />
            <source>The canvas is cropped to the digit, scaled to fit 20×20 pixels and centred in a 28×28 image, like the MNIST digits: {n} numbers from 0 (black) to 1 (white). {ink} of them carry ink; the brightest is {brightest}.</source>
            <translation>画布被裁剪到数字所在的区域，缩放到 20×20 像素以内，再居中放进 28×28 的图像，与 MNIST 数字的做法相同：共 {n} 个数，从 0（黑）到 1（白）。其中 {ink} 个带有笔迹，最亮的是 {brightest}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="314" />
            <source>The canvas is cropped to the object, its longer side scaled to 28 pixels and its box centred in a 28×28 image, like the {dataset} photos: {n} numbers from 0 (black) to 1 (white). {ink} of them are not black; the brightest is {brightest}.</source>
            <translation>画布被裁剪到物体所在的区域，较长的一边缩放到 28 像素，再把它的外框居中放进 28×28 的图像，与 {dataset} 照片的做法相同：共 {n} 个数，从 0（黑）到 1（白）。其中 {ink} 个不是黑色，最亮的是 {brightest}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="319" />
            <source>The canvas becomes a 28×28 image the way the {dataset} images were made: {n} numbers from 0 (black) to 1 (white). {ink} of them are not black; the brightest is {brightest}.</source>
            <translation>画布按 {dataset} 图片的做法变成一张 28×28 的图像：共 {n} 个数，从 0（黑）到 1（白）。其中 {ink} 个不是黑色，最亮的是 {brightest}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="331" />
            <source>This network takes the pixel values just as they are.</source>
            <translation>这个网络直接使用原始像素值。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="338" />
            <source>Before the first layer every pixel is normalised, x′ = (x − {mean}) / {std}, so black enters as {black}.</source>
            <translation>进入第一层之前，每个像素都要标准化：x′ = (x − {mean}) / {std}，因此黑色像素以 {black} 的值进入网络。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="345" />
            <source>The 28×28 input</source>
            <translation>28×28 的输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="363" />
            <source>{layer} slides {count} small kernels over the image, each a {k}×{k} grid of weights. Here kernel {c} sits at row {r}, column {col}: each of the {kk} values under it is multiplied by the weight on top of it. This {window} window sums to {s}, plus bias {b} gives {v}, one pixel of output map {c}.</source>
            <translation>{layer} 让 {count} 个小卷积核在图像上滑动，每个卷积核是一个 {k}×{k} 的权重网格。此刻卷积核 {c} 位于第 {r} 行、第 {col} 列：它下方的 {kk} 个值各自乘以覆盖在上面的权重。这个 {window} 窗口的乘积之和为 {s}，加上偏置 {b} 得到 {v}，这就是输出特征图 {c} 上的一个像素。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="372" />
            <source>One kernel slides over the image</source>
            <translation>一个卷积核在图像上滑动</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="382" />
            <source>Sliding each of the {n} kernels over every position gives {n} feature maps of {size}, one per kernel: each lights up where its pattern appears (red positive, blue negative, white zero). Map {c} ranges from {low} to {high}; its strongest response is at row {r}, column {col}, where the kernel sat at the previous stop.</source>
            <translation>让 {n} 个卷积核分别滑过每一个位置，就得到 {n} 张 {size} 的特征图，每个卷积核一张：哪里出现了它的图案，哪里就亮起来（红色为正，蓝色为负，白色为零）。特征图 {c} 的取值从 {low} 到 {high}；最强的响应在第 {r} 行、第 {col} 列，正是上一站卷积核所在的位置。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="389" />
            <source>{layer}: the feature maps</source>
            <translation>{layer}：特征图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="411" />
            <source>ReLU: negatives become zero</source>
            <translation>ReLU：负数变成零</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="412" />
            <source>{layer} applies ReLU(x) = max(0, x) to every value of every map: positive values pass unchanged, negative ones become 0. Across all its maps, {neg} of {total} values ({share}) were negative. The most negative one in map {c}, {x} at row {r}, column {col}, is now {y}. Without this bend, all the layers together could only compute one linear function.</source>
            <translation>{layer} 对每张特征图的每个值都施加 ReLU(x) = max(0, x)：正值原样通过，负值变成 0。在它的全部特征图中，{total} 个值里有 {neg} 个（{share}）是负的。特征图 {c} 中最小的值，即第 {r} 行、第 {col} 列的 {x}，现在变成了 {y}。如果没有这个弯折，所有层合在一起也只能计算一个线性函数。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="419" />
            <source>The activation function</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="420" />
            <source>{layer} bends every value of every map with the same function, so that the layers together can compute more than one linear function. Across all its maps, {neg} of {total} values ({share}) came in negative. The smallest one in map {c}, {x} at row {r}, column {col}, comes out as {y}.</source>
            <translation>{layer} 用同一个函数把每张特征图的每个值“弯折”一下，这样各层合起来才能计算比线性函数更复杂的东西。在它的全部特征图中，输入的 {total} 个值里有 {neg} 个（{share}）是负的。特征图 {c} 中最小的值，即第 {r} 行、第 {col} 列的 {x}，输出为 {y}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="454" />
            <source>First {names} repeat convolution and activation on these maps.</source>
            <translation>先由 {names} 在这些特征图上再做一次卷积和激活。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="456" />
            <source>First the maps pass through {names}.</source>
            <translation>特征图先经过 {names}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="458" />
            <source>Then {layer} cuts every map into {size}×{size} windows and keeps only the largest value of each, so the maps shrink from {before} to {after}. In map {c}, the window at row {r}, column {col} holds {values}: {v} goes on. The strongest responses survive, and a slightly shifted input gives almost the same result.</source>
            <translation>接着 {layer} 把每张特征图切成 {size}×{size} 的窗口，每个窗口只保留最大值，于是特征图从 {before} 缩小到 {after}。在特征图 {c} 中，第 {r} 行、第 {col} 列的窗口里是 {values}：{v} 被保留下来。最强的响应得以保留，输入稍微移动一点，结果也几乎不变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="465" />
            <source>Then {layer} cuts every map into {size}×{size} windows and keeps only the largest value of each, so the maps shrink from {before} to {after}. In map {c}, the window at row {r}, column {col} holds {values}: {v} goes on. The strongest responses survive, and a slightly shifted digit gives almost the same result.</source>
            <translation>接着 {layer} 把每张特征图切成 {size}×{size} 的窗口，每个窗口只保留最大值，于是特征图从 {before} 缩小到 {after}。在特征图 {c} 中，第 {r} 行、第 {col} 列的窗口里是 {values}：{v} 被保留下来。最强的响应得以保留，数字稍微移动一点，结果也几乎不变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="472" />
            <source>Then {layer} cuts every map into {size}×{size} windows and keeps the average of each, so the maps shrink from {before} to {after}. In map {c}, the window at row {r}, column {col} holds {values}: their average {v} goes on.</source>
            <translation>接着 {layer} 把每张特征图切成 {size}×{size} 的窗口，每个窗口只保留平均值，于是特征图从 {before} 缩小到 {after}。在特征图 {c} 中，第 {r} 行、第 {col} 列的窗口里是 {values}：它们的平均值 {v} 被保留下来。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="480" />
            <source>Pooling: smaller maps</source>
            <translation>池化：特征图变小</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="494" />
            <source>Then come {names}. The maps change from {before} to {after}: smaller, but more abstract.</source>
            <translation>接下来是 {names}。特征图从 {before} 变为 {after}：更小，但更抽象。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="495" />
            <source>Deeper layers</source>
            <translation>更深的层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="504" />
            <source>The same pattern repeats: {names}. Each kernel of {conv} reads all {c_in} maps below it at once, {c_in}×{k}×{k} = {weights} weights per output pixel, so it can combine strokes into larger parts of a digit: in map {c} at row {r}, column {col} the window sums to {s}, plus bias {b} gives {v}. Along the way the maps go from {before} to {after}: smaller, but more of them.</source>
            <translation>同样的模式再重复一遍：{names}。{conv} 的每个卷积核同时读取下面全部 {c_in} 张特征图，每个输出像素用到 {c_in}×{k}×{k} = {weights} 个权重，因此能把笔画组合成数字中更大的部件：在特征图 {c} 的第 {r} 行、第 {col} 列，窗口之和为 {s}，加上偏置 {b} 得到 {v}。一路下来，特征图从 {before} 变为 {after}：尺寸更小，数量更多。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="511" />
            <source>Deeper layers: from strokes to parts</source>
            <translation>更深的层：从笔画到部件</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="513" />
            <source>The same pattern repeats: {names}. Each kernel of {conv} reads all {c_in} maps below it at once, {c_in}×{k}×{k} = {weights} weights per output pixel, so it can combine edges into larger parts of the object: in map {c} at row {r}, column {col} the window sums to {s}, plus bias {b} gives {v}. Along the way the maps go from {before} to {after}: smaller, but more of them.</source>
            <translation>同样的模式再重复一遍：{names}。{conv} 的每个卷积核同时读取下面全部 {c_in} 张特征图，每个输出像素用到 {c_in}×{k}×{k} = {weights} 个权重，因此能把边缘组合成物体中更大的部件：在特征图 {c} 的第 {r} 行、第 {col} 列，窗口之和为 {s}，加上偏置 {b} 得到 {v}。一路下来，特征图从 {before} 变为 {after}：尺寸更小，数量更多。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="520" />
            <source>Deeper layers: from edges to parts</source>
            <translation>更深的层：从边缘到部件</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="540" />
            <source>{flatten} lays the {maps} numbers of the last maps out in one row of {n} values: nothing is lost, only rearranged.</source>
            <translation>{flatten} 把最后几张特征图的 {maps} 个数排成一行，共 {n} 个值：什么都没丢，只是换了排列方式。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="544" />
            <source>{dense} gives every class a score from all {n} values, one weight per value and class plus a bias: z_k = Σ_i x_i·W_ik + b_k. Class {name} gets z = {z}, the highest of the {classes} scores.</source>
            <translation>{dense} 用全部 {n} 个值为每个类别算出一个得分，每个值对每个类别各有一个权重，再加上一个偏置：z_k = Σ_i x_i·W_ik + b_k。类别 {name} 得到 z = {z}，是 {classes} 个得分中最高的。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="550" />
            <source>Flatten and dense: one score per class</source>
            <translation>展平与全连接：每个类别一个得分</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="564" />
            <source>Softmax turns the scores into probabilities, positive and adding up to 1: p_k = exp(z_k) / Σ_j exp(z_j). For class {name}, exp({z}) = {e} out of a total of {total}, so p = {p}. The answer is the class with the largest probability: {name}.</source>
            <translation>Softmax 把得分变成概率，它们都是正数，且总和为 1：p_k = exp(z_k) / Σ_j exp(z_j)。对类别 {name}，exp({z}) = {e}，而总和为 {total}，所以 p = {p}。网络的答案就是概率最大的类别：{name}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="585" />
            <source>To learn, the network needs the true answer: this test image is labelled y = {y}. Pick another label below to see how the loss reacts.</source>
            <translation>要学习，网络需要知道正确答案：这张测试图片的标签是 y = {y}。在下方选择另一个标签，看看损失会怎样变化。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="590" />
            <source>To learn, the network needs the true answer: this test digit is labelled y = {y}. Pick another label below to see how the loss reacts.</source>
            <translation>要学习，网络需要知道正确答案：这个测试数字的标签是 y = {y}。在下方选择另一个标签，看看损失会怎样变化。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="595" />
            <source>To learn, the network needs the true answer y. The tour takes its own answer, y = {y}; pick another label below to see what changes.</source>
            <translation>要学习，网络需要知道正确答案 y。导览暂且把网络自己的答案当作标签，y = {y}；在下方选择另一个标签，看看会有什么变化。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="601" />
            <source>The cross-entropy loss punishes a low probability for the true class: L = −ln p_y = −ln {p} = {L}. A sure and correct answer would give L = 0.</source>
            <translation>交叉熵损失会惩罚正确类别上过低的概率：L = −ln p_y = −ln {p} = {L}。一个既确定又正确的答案会得到 L = 0。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="608" />
            <source>The loss: how wrong was the answer?</source>
            <translation>损失：答案错得有多离谱？</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="627" />
            <source>Back-propagation applies the chain rule from the loss back to the input, one layer at a time. It starts at the scores with dL/dz_k = p_k − y_k: for the true class {y} that is {p} − 1 = {d}. The maps now show dL/d(output) of every layer: red where a larger value would raise the loss, blue where it would lower it. At the input, pixel (row {r}, column {col}) has the largest gradient, {g}.</source>
            <translation>反向传播运用链式法则，从损失出发一层一层地往回算，直到输入。它从得分开始：dL/dz_k = p_k − y_k，对正确类别 {y} 来说就是 {p} − 1 = {d}。现在特征图显示的是每一层的 dL/d(输出)：红色表示该值变大会让损失上升，蓝色表示会让损失下降。在输入上，像素（第 {r} 行、第 {col} 列）的梯度最大，为 {g}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="638" />
            <source>Gradients flow back</source>
            <translation>梯度反向流动</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="667" />
            <source>After this one step the loss for this input drops from {before} to {after}, and p({y}) goes from {pb} to {pa}.</source>
            <translation>只走这一步，这个输入的损失就从 {before} 降到了 {after}，p({y}) 从 {pb} 变为 {pa}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="672" />
            <source>After this one step the loss for this input goes from {before} to {after} (the step was too large and overshot), and p({y}) goes from {pb} to {pa}.</source>
            <translation>走完这一步，这个输入的损失从 {before} 变为 {after}（步子太大，走过头了），p({y}) 从 {pb} 变为 {pa}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="677" />
            <source>Gradient descent moves every weight a little against its gradient: W ← W − lr · dL/dW, with lr = {lr}.</source>
            <translation>梯度下降让每个权重沿着梯度的反方向移动一小步：W ← W − lr · dL/dW，其中 lr = {lr}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="682" />
            <source>The largest change of a single weight, {dw}, is in {layer}. The tour works on a copy: your network stays as it was.</source>
            <translation>单个权重的最大变化为 {dw}，出现在 {layer}。导览是在副本上操作的：你的网络保持原样。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="690" />
            <source>One SGD step: what changed</source>
            <translation>一步 SGD：有什么变化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/vae_stops.py" line="50" />
            <source>A generative model: your drawing as a Gaussian</source>
            <translation>生成模型：把你的绘画变成一个高斯分布</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/vae_stops.py" line="52" />
            <source>A variational autoencoder (VAE) reads the same 28×28 input. Its encoder does not give one point but a Gaussian q(z|x) in a 2-D latent space: mean μ = ({mu1}, {mu2}) and standard deviation σ = ({s1}, {s2}).</source>
            <translation>变分自编码器（VAE）读取同样的 28×28 输入。它的编码器给出的不是一个点，而是二维潜在空间中的一个高斯分布 q(z|x)：均值 μ = ({mu1}, {mu2})，标准差 σ = ({s1}, {s2})。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/vae_stops.py" line="57" />
            <source>On the map, the dot is μ and the rings are 1σ and 2σ; they move as you draw.</source>
            <translation>在地图上，圆点是 μ，两个圈是 1σ 和 2σ；它们会随着你的绘画移动。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/vae_stops.py" line="67" />
            <source>Reparameterization: a sample you can differentiate</source>
            <translation>重参数化：可以求导的采样</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/vae_stops.py" line="69" />
            <source>To decode, the VAE samples z = μ + σ ⊙ ε with noise ε ~ N(0, I): here ε = ({e1}, {e2}) gives z = ({z1}, {z2}).</source>
            <translation>为了解码，VAE 用噪声 ε ~ N(0, I) 采样 z = μ + σ ⊙ ε：这里 ε = ({e1}, {e2})，得到 z = ({z1}, {z2})。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/vae_stops.py" line="73" />
            <source>The randomness sits in ε alone, so the loss can be differentiated with respect to μ and σ. The decoder turns z into the reconstruction x′; Resample draws a new ε.</source>
            <translation>随机性只在 ε 里，所以损失可以对 μ 和 σ 求导。解码器把 z 变成重建结果 x′；“重新采样”会抽取新的 ε。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/vae_stops.py" line="90" />
            <source>The VAE's loss: reconstruction and KL</source>
            <translation>VAE 的损失：重建与 KL</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/vae_stops.py" line="92" />
            <source>The VAE learns by minimising two terms. The reconstruction term compares x′ with your drawing: binary cross-entropy {bce} nats (the seed's L1 distance: {l1}).</source>
            <translation>VAE 通过最小化两项来学习。重建项比较 x′ 和你的绘画：二元交叉熵为 {bce} 奈特（种子教材的 L1 距离：{l1}）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/vae_stops.py" line="96" />
            <source>The KL term, {kl} nats, measures how far q(z|x) is from N(0, I): ½ Σ (σ² + μ² − 1 − ln σ²). With c = 1 the loss is L = KL + BCE = {L} nats.</source>
            <translation>KL 项为 {kl} 奈特，衡量 q(z|x) 离 N(0, I) 有多远：½ Σ (σ² + μ² − 1 − ln σ²)。当 c = 1 时，损失为 L = KL + BCE = {L} 奈特。</translation>
        </message>
        <message>
            <location filename="../../explainer/imageio.py" line="66" />
            <source>{path}: file too large for an image ({size} bytes)</source>
            <translation>{path}：文件太大，不像是图像（{size} 字节）</translation>
        </message>
        <message>
            <location filename="../../explainer/imageio.py" line="72" />
            <source>{path}: empty file, not an image</source>
            <translation>{path}：空文件，不是图像</translation>
        </message>
        <message>
            <location filename="../../explainer/imageio.py" line="100" />
            <source>{path}: not an image in a format Qt can read</source>
            <translation>{path}：不是 Qt 能读取的图像格式</translation>
        </message>
        <message>
            <location filename="../../explainer/imageio.py" line="129" />
            <source>{path}: cannot decode image ({reason})</source>
            <translation>{path}：无法解码图像（{reason}）</translation>
        </message>
        <message>
            <location filename="../../explainer/imageio.py" line="151" />
            <source>{path}: image too large ({width}x{height} pixels, more than {limit:,})</source>
            <translation>{path}：图像太大（{width}x{height} 像素，超过 {limit:,}）</translation>
        </message>
        <message>
            <location filename="../../explainer/imageio.py" line="202" />
            <source>{path}: truncated image file (ends before the image data does)</source>
            <translation>{path}：图像文件不完整（在图像数据结束之前就中断了）</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="182" />
            <source>model file {path} is neither an .npz (zip) archive nor an ONNX file; it may be another kind of file or random bytes</source>
            <translation>模型文件 {path} 既不是 .npz（zip）归档，也不是 ONNX 文件；它可能是别的文件或随机字节</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="206" />
            <source>model file {path} is not a readable .npz archive; it may be truncated or damaged ({reason})</source>
            <translation>模型文件 {path} 不是可读的 .npz 压缩包；它可能不完整或已损坏（{reason}）</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="228" />
            <location filename="../../explainer/modelio.py" line="392" />
            <source>model file {path} weight {name} contains NaN or infinite values</source>
            <translation>模型文件 {path} 的权重 {name} 含有 NaN 或无穷大</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="239" />
            <source>model file {path} {problem}</source>
            <translation>模型文件 {path} 有问题：{problem}</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="261" />
            <source>model file {path} is empty</source>
            <translation>模型文件 {path} 是空的</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="290" />
            <source>model file {path} has no 'config' entry; it is an .npz, but not a saved model</source>
            <translation>模型文件 {path} 没有 'config' 项；它是 .npz 文件，但不是保存的模型</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="313" />
            <source>model file {path} array {name} holds pickled Python objects, which are never loaded</source>
            <translation>模型文件 {path} 的数组 {name} 含有 pickle 序列化的 Python 对象，本应用从不加载这类对象</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="383" />
            <source>model file {path} weight {name} has shape {shape} but the architecture needs {needed}</source>
            <translation>模型文件 {path} 的权重 {name} 形状为 {shape}，但网络结构需要 {needed}</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="407" />
            <source>model file {path} has no 'format' field; it was not saved by this app ({format})</source>
            <translation>模型文件 {path} 没有 'format' 字段；它不是由本应用保存的（{format}）</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="549" />
            <source>model file {path} gives NaN or infinite outputs for an input of all {value}s</source>
            <translation>模型文件 {path} 对全为 {value} 的输入给出 NaN 或无穷大的输出</translation>
        </message>
        <message>
            <location filename="../../explainer/onnxio.py" line="112" />
            <source>ONNX file {path} {problem}</source>
            <translation>ONNX 文件 {path} {problem}</translation>
        </message>
        <message>
            <location filename="../../explainer/onnxio.py" line="574" />
            <source>reading {path} needs the onnx package: pip install onnx</source>
            <translation>读取 {path} 需要 onnx 包：pip install onnx</translation>
        </message>
        <message>
            <location filename="../../explainer/onnxio.py" line="581" />
            <source>ONNX file {path} is damaged or not ONNX ({reason})</source>
            <translation>ONNX 文件 {path} 已损坏或不是 ONNX（{reason}）</translation>
        </message>
        <message>
            <location filename="../../explainer/onnxio.py" line="592" />
            <source>ONNX file {path} holds a graph this reader cannot follow ({reason})</source>
            <translation>ONNX 文件 {path} 中的计算图无法读取（{reason}）</translation>
        </message>
        <message>
            <location filename="../../explainer/onnxio.py" line="614" />
            <source>this model was not read from an ONNX file, so there is nothing to check it against</source>
            <translation>这个模型不是从 ONNX 文件读取的，所以没有可以对照检查的文件</translation>
        </message>
        <message>
            <location filename="../../explainer/onnxio.py" line="698" />
            <source>cannot export a {kind} layer to ONNX</source>
            <translation>无法把 {kind} 层导出为 ONNX</translation>
        </message>
        <message>
            <source>&amp;Learn mode: a guided tour</source>
            <translation type="vanished">学习模式：分步导览(&amp;L)</translation>
        </message>
        <message>
            <source>Walk through one forward and backward pass on your input, stop by stop (F2)</source>
            <translation type="vanished">在你的输入上一站一站地走完一次前向和反向传播（F2）</translation>
        </message>
        <message>
            <source>Forward: each map shows what its layer computed from your input (red: positive, blue: negative). Click any map to see how it was computed.</source>
            <translation type="vanished">前向：每张图显示它所在的层根据你的输入算出了什么（红色：正，蓝色：负）。点击任意一张图，查看它是如何算出来的。</translation>
        </message>
        <message>
            <source>After one step on the perturbed digit the network sees it again; try the slider.</source>
            <translation type="vanished">在扰动后的数字上走一步之后，网络又认出了它；试试拖动滑块。</translation>
        </message>
        <message>
            <source>Draw a digit: this page then tries to fool the network with it.</source>
            <translation type="vanished">画一个数字：这一页会试着用它骗过网络。</translation>
        </message>
        <message>
            <source>your digit</source>
            <translation type="vanished">你写的数字</translation>
        </message>
        <message>
            <source>perturbed digit</source>
            <translation type="vanished">扰动后的数字</translation>
        </message>
        <message>
            <source>Measured on the 10,000 test digits (clean: {clean}):</source>
            <translation type="vanished">在 10,000 个测试数字上测得（无扰动：{clean}）：</translation>
        </message>
        <message>
            <source>PGD, 10 steps (1,000 digits)</source>
            <translation type="vanished">PGD，10 步（1,000 个数字）</translation>
        </message>
        <message>
            <source>Pin the clean digit's maps and show the perturbed digit: the overview shows the difference</source>
            <translation type="vanished">固定原始数字的特征图并显示扰动后的数字：总览显示两者的差</translation>
        </message>
        <message>
            <source>Learn this perturbed digit</source>
            <translation type="vanished">学习这个扰动后的数字</translation>
        </message>
        <message>
            <source>One SGD step on the perturbed digit with its true label: adversarial training in miniature</source>
            <translation type="vanished">用真实标签在扰动后的数字上做一步 SGD：微型的对抗训练</translation>
        </message>
        <message>
            <source>Probabilities, your digit</source>
            <translation type="vanished">概率：你的数字</translation>
        </message>
        <message>
            <source>Check your answer against the numbers of your digit (Enter)</source>
            <translation type="vanished">用你的数字的实际数值检查你的答案（Enter）</translation>
        </message>
        <message>
            <source>{layers} layers, {weights:,} weights to learn</source>
            <translation type="vanished">{layers} 层，需要学习 {weights:,} 个权重</translation>
        </message>
        <message>
            <source>&amp;Close lesson tab</source>
            <translation type="vanished">关闭课程标签页(&amp;C)</translation>
        </message>
        <message>
            <source>Close the tab of the lesson in front; the Lessons menu opens it again</source>
            <translation type="vanished">关闭当前课程的标签页；可从“课程”菜单再次打开</translation>
        </message>
        <message>
            <source>Close this lesson's tab (Ctrl+W); the Lessons menu opens it again</source>
            <translation type="vanished">关闭这个课程的标签页（Ctrl+W）；可从“课程”菜单再次打开</translation>
        </message>
        <message>
            <source>Seed 004's table of activation functions and its losses, each with its derivative, and where your digit's numbers fall on them.</source>
            <translation type="vanished">种子材料 004 中的激活函数表和损失函数，每个都画出其导数，并标出你的数字的数值落在曲线的什么位置。</translation>
        </message>
        <message>
            <source>your digit's class</source>
            <translation type="vanished">你的数字的类别</translation>
        </message>
        <message>
            <source>Drawn for class {cls} as its logit moves, the other logits held at your digit's values; the seed's eˣ/Σ − (eˣ)²/Σ² is the same slope f(1 − f).</source>
            <translation type="vanished">画的是类别 {cls} 的 logit 变化时的曲线，其他 logit 固定为你的数字的值；种子材料中的 eˣ/Σ − (eˣ)²/Σ² 就是同一个斜率 f(1 − f)。</translation>
        </message>
        <message>
            <source>Draw a digit to see where its pre-activations fall.</source>
            <translation type="vanished">写一个数字，看看它的预激活值落在哪里。</translation>
        </message>
        <message>
            <source>Your digit's logits run from {lo} to {hi}. Class {cls} has z = {z}, p = {p}, and slope p(1 − p) = {slope}: near 0 once the output is saturated (p close to 0 or 1).</source>
            <translation type="vanished">你的数字的 logit 从 {lo} 到 {hi}。类别 {cls} 的 z = {z}，p = {p}，斜率 p(1 − p) = {slope}：输出一旦饱和（p 接近 0 或 1），斜率就接近 0。</translation>
        </message>
        <message>
            <source>{n:,} pre-activations of your digit, from {lo} to {hi}; {neg:.0%} are negative.</source>
            <translation type="vanished">你的数字有 {n:,} 个预激活值，从 {lo} 到 {hi}；其中 {neg:.0%} 为负。</translation>
        </message>
        <message>
            <source>On your digit: draw a digit to fill this table.</source>
            <translation type="vanished">在你的数字上：写一个数字来填满这张表。</translation>
        </message>
        <message>
            <source>On your digit: the network's output p against class {cls} (t = 1 there, 0 elsewhere)</source>
            <translation type="vanished">在你的数字上：网络的输出 p 对比类别 {cls}（该处 t = 1，其余为 0）</translation>
        </message>
        <message>
            <source>a row of your digit</source>
            <translation type="vanished">你的数字的一行</translation>
        </message>
        <message>
            <source>a column of your digit</source>
            <translation type="vanished">你的数字的一列</translation>
        </message>
        <message>
            <source>Sigmoid, tanh, ReLU, leaky ReLU, softmax and eight losses, with their gradients on your digit</source>
            <translation type="vanished">Sigmoid、tanh、ReLU、Leaky ReLU、softmax 和八种损失函数，以及它们在你的数字上的梯度</translation>
        </message>
        <message>
            <source>Draw a digit with the left mouse button. The right button erases. Ctrl+Z undoes a stroke.</source>
            <translation type="vanished">用鼠标左键写一个数字，右键擦除，Ctrl+Z 撤销一笔。</translation>
        </message>
        <message>
            <source>Draw a digit here</source>
            <translation type="vanished">在这里写一个数字</translation>
        </message>
        <message>
            <source>What the network sees: your drawing cropped, shrunk to 20x20, centred on its centre of mass in a 28x28 image, like the MNIST digits it was trained on.</source>
            <translation type="vanished">网络看到的输入：你的手写经过裁剪、缩小到 20x20，再按质心居中放进 28x28 的图像，与它训练时用的 MNIST 数字一样。</translation>
        </message>
        <message>
            <source>Test digit #{index}, true label {label}. Click to load it.</source>
            <translation type="vanished">测试数字 #{index}，真实标签 {label}。点击载入。</translation>
        </message>
        <message>
            <source>Draw a digit (or pick a sample) to see how this layer computes its output.</source>
            <translation type="vanished">写一个数字（或选一个样本），看看这一层如何计算它的输出。</translation>
        </message>
        <message>
            <source>Pooling has no weights to learn and treats every channel on its own. It makes the maps smaller, so later layers are cheaper and each of their pixels sees a larger part of the digit, and a stroke that moves by a pixel still gives almost the same result.</source>
            <translation type="vanished">池化没有需要学习的权重，并且对每个通道分别处理。它让特征图变小，于是后面的层计算更省，它们的每个像素也能看到数字更大的一部分；笔画移动一个像素，结果也几乎不变。</translation>
        </message>
        <message>
            <source>Load a picture of a digit (PNG, JPEG, …) into the canvas</source>
            <translation type="vanished">把一张数字图片（PNG、JPEG 等）载入画布</translation>
        </message>
        <message>
            <source>Show what every layer computes from your digit (activations)</source>
            <translation type="vanished">显示每一层根据你的数字算出了什么（激活值）</translation>
        </message>
        <message>
            <source>Model changed by Learn this digit:</source>
            <translation type="vanished">模型已被“学习这个数字”改变：</translation>
        </message>
        <message>
            <source>Forward: each map shows what its layer computed from your digit (red: positive, blue: negative). Click any map to see how it was computed.</source>
            <translation type="vanished">前向：每张图显示它所在的层根据你的数字算出了什么（红色：正，蓝色：负）。点击任意一张图，查看它是如何算出来的。</translation>
        </message>
        <message>
            <source>One training step on your digit, stage by stage: forward, loss, backward, update</source>
            <translation type="vanished">在你的数字上执行一次训练，逐个阶段：前向、损失、反向、更新</translation>
        </message>
        <message>
            <source>Which pixels of your digit the score depends on: gradients, SmoothGrad, IG, Grad-CAM</source>
            <translation type="vanished">得分取决于你的数字中的哪些像素：梯度、SmoothGrad、IG、Grad-CAM</translation>
        </message>
        <message>
            <source>Learn this digit</source>
            <translation type="vanished">学习这个数字</translation>
        </message>
        <message>
            <source>Label your digit, take one SGD step and see what changed; Undo puts the weights back</source>
            <translation type="vanished">给你的数字打上标签，执行一步 SGD，看看有什么变化；“撤销”会恢复权重</translation>
        </message>
        <message>
            <source>Train the network on MNIST and watch the loss fall and the filters form</source>
            <translation type="vanished">在 MNIST 上训练网络，看着损失下降、滤波器逐渐成形</translation>
        </message>
        <message>
            <source>Accuracy on the 10,000 MNIST test digits, the confusion matrix and the mistakes</source>
            <translation type="vanished">在 10,000 个 MNIST 测试数字上的准确率、混淆矩阵和分类错误</translation>
        </message>
        <message>
            <source>Draw a digit to see which pixels the network looks at.</source>
            <translation type="vanished">写一个数字，看看网络在关注哪些像素。</translation>
        </message>
        <message>
            <source>Why Integrated Gradients misses more here: on the way from black to this digit the score of {c} ranges from {low} to {high}. It travels {swing} in all for a net change of only {delta}, so large positive and negative parts cancel and a small error in them is a large share of the sum. More steps usually make it smaller.</source>
            <translation type="vanished">为什么积分梯度在这里误差更大：从全黑图像到这个数字的路上，类别 {c} 的得分在 {low} 到 {high} 之间起伏。它一路上共变化了 {swing}，而净变化只有 {delta}，所以大的正负部分相互抵消，其中的小误差就占了总和的很大比例。步数越多，误差通常越小。</translation>
        </message>
        <message>
            <source>Over the digit</source>
            <translation type="vanished">叠加在数字上</translation>
        </message>
        <message>
            <source>Draw each map over the digit (the ink shows as grey)</source>
            <translation type="vanished">把每张图叠加在数字上显示（笔迹显示为灰色）</translation>
        </message>
        <message>
            <source>Noise added to the digit for each SmoothGrad sample</source>
            <translation type="vanished">每个 SmoothGrad 样本给数字加的噪声</translation>
        </message>
        <message>
            <source>Gradients taken on the path from black to the digit (more: smaller completeness error)</source>
            <translation type="vanished">在从全黑图像到你的数字的路径上取梯度的次数（越多，完备性误差越小）</translation>
        </message>
        <message>
            <source>Red: more ink there raises the score; blue: lowers it; white: no effect. Integrated Gradients add up to the change of the score from a black image to your digit (completeness; the line under the map shows how close the sum comes). Grad-CAM keeps only positive evidence and is as coarse as its layer.</source>
            <translation type="vanished">红色：那里多一些笔迹会提高得分；蓝色：会降低得分；白色：没有影响。积分梯度的总和等于从全黑图像到你的数字时得分的变化（完备性；图下方的一行显示求和结果有多接近）。Grad-CAM 只保留正面的证据，精细程度与它所在的层相同。</translation>
        </message>
        <message>
            <source>the 28×28 digit, one grey channel</source>
            <translation type="vanished">28×28 的数字，一个灰度通道</translation>
        </message>
        <message>
            <source>&lt;p&gt;A &lt;b&gt;corner&lt;/b&gt; means a ReLU input or a max-pool tie sits within ±ε: the slope differs on the two sides, the derivative does not exist there, and backprop takes one side. A black background makes every pooling window there an exact tie, so nudging a pixel beside the stroke may break one; “break ties” checks the digit plus ±0.001 of fixed noise instead, so that the derivative exists (that input is then not quite the one the views show).&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;&lt;b&gt;拐点&lt;/b&gt;表示某个 ReLU 输入或最大池化的并列值落在 ±ε 之内：两侧斜率不同，该处导数不存在，反向传播取其中一侧。黑色背景使那里的每个池化窗口都完全并列，因此推动笔画旁边的像素可能打破并列；“打破并列”改为在数字上加 ±0.001 的固定噪声再检验，使导数存在（此时的输入与视图显示的略有不同）。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Check on the digit plus ±0.001 of fixed noise, so max-pool windows do not tie</source>
            <translation type="vanished">在加了 ±0.001 固定噪声的数字上检验，使最大池化窗口不出现并列</translation>
        </message>
        <message>
            <source>Choose the folder that holds the MNIST files first.</source>
            <translation type="vanished">请先选择存放 MNIST 文件的文件夹。</translation>
        </message>
        <message>
            <source>Draw a digit, say which digit it is, and teach the network.</source>
            <translation type="vanished">写一个数字，告诉网络它是几，然后教教网络。</translation>
        </message>
        <message>
            <source>This step changed the model the whole window uses: on the {n} gallery digits it gets {a} → &lt;b&gt;{b}&lt;/b&gt; right.</source>
            <translation type="vanished">这一步改变了整个窗口使用的模型：在 {n} 个示例数字上，正确率 {a} → &lt;b&gt;{b}&lt;/b&gt;。</translation>
        </message>
        <message>
            <source>Compute dL/dW for this digit and label, and move every weight once</source>
            <translation type="vanished">针对这个数字和标签计算 dL/dW，并把每个权重移动一次</translation>
        </message>
        <message>
            <source>Draw a digit to step through a training step.</source>
            <translation type="vanished">写一个数字，逐步查看一次训练。</translation>
        </message>
        <message>
            <source>Press Evaluate to classify the 10,000 test digits.</source>
            <translation type="vanished">按“评估”对 10,000 个测试数字进行分类。</translation>
        </message>
        <message>
            <source>Test digit #{index}: truly {label}, the network said {predicted} ({confidence:.0%} sure). Click to open it in the explainer.</source>
            <translation type="vanished">测试数字 #{index}：实际是 {label}，网络认为是 {predicted}（把握 {confidence:.0%}）。点击即可在讲解视图中打开。</translation>
        </message>
        <message>
            <source>Classifying the test digits…</source>
            <translation type="vanished">正在对测试数字进行分类…</translation>
        </message>
        <message>
            <source>Classify every test digit with the current network</source>
            <translation type="vanished">用当前网络对每个测试数字分类</translation>
        </message>
        <message>
            <source>List every misclassified digit again</source>
            <translation type="vanished">重新列出所有分类错误的数字</translation>
        </message>
        <message>
            <source>{done:,} of {total:,} digits</source>
            <translation type="vanished">已完成 {done:,} / {total:,} 个数字</translation>
        </message>
        <message>
            <source>{total:,} digits</source>
            <translation type="vanished">{total:,} 个数字</translation>
        </message>
        <message>
            <source>{accuracy:.2%} right: {right:,} of {total:,} test digits, {wrong:,} wrong</source>
            <translation type="vanished">正确率 {accuracy:.2%}：{total:,} 个测试数字中对了 {right:,} 个，错了 {wrong:,} 个</translation>
        </message>
        <message>
            <source>Folder with the MNIST files</source>
            <translation type="vanished">存放 MNIST 文件的文件夹</translation>
        </message>
        <message>
            <source>MNIST folder:</source>
            <translation type="vanished">MNIST 文件夹：</translation>
        </message>
        <message>
            <source>The folder with train-images-idx3-ubyte.gz and the three other MNIST files</source>
            <translation type="vanished">包含 train-images-idx3-ubyte.gz 及另外三个 MNIST 文件的文件夹</translation>
        </message>
        <message>
            <source>Watch a network learn: the loss falls, the accuracy rises, and every few steps the overview and the kernels show the filters as they form. The last 5,000 MNIST training images are kept aside to measure the validation accuracy after each epoch.</source>
            <translation type="vanished">看着网络学习：损失下降，准确率上升，每隔几步，总览图和卷积核就会显示正在成形的滤波器。MNIST 训练集的最后 5,000 张图片被留出来，在每轮结束后测量验证准确率。</translation>
        </message>
        <message>
            <source>How many MNIST training images one epoch uses</source>
            <translation type="vanished">每一轮使用多少张 MNIST 训练图片</translation>
        </message>
        <message>
            <source>Random changes to every training image so the network copes with digits drawn by hand</source>
            <translation type="vanished">对每张训练图片做随机变化，让网络能应付手写的数字</translation>
        </message>
        <message>
            <source>Pick a class or type its digit; "predicted" follows what the network answers</source>
            <translation type="vanished">选择一个类别或输入它的数字；“预测类别”会跟随网络的答案</translation>
        </message>
        <message>
            <source>Walk through one forward and backward pass on your digit, stop by stop (F2)</source>
            <translation type="vanished">在你的数字上，一站一站地走完一次前向传播和反向传播（F2）</translation>
        </message>
        <message>
            <source>The class your digit really is; the loss and gradients follow it</source>
            <translation type="vanished">你的数字实际所属的类别；损失和梯度都以它为准</translation>
        </message>
        <message>
            <source>After this one step the loss for your digit drops from {before} to {after}, and p({y}) goes from {pb} to {pa}.</source>
            <translation type="vanished">只走这一步，你这个数字的损失就从 {before} 降到了 {after}，p({y}) 从 {pb} 变为 {pa}。</translation>
        </message>
        <message>
            <source>After this one step the loss for your digit goes from {before} to {after} (the step was too large and overshot), and p({y}) goes from {pb} to {pa}.</source>
            <translation type="vanished">走完这一步，你这个数字的损失从 {before} 变为 {after}（步子太大，走过头了），p({y}) 从 {pb} 变为 {pa}。</translation>
        </message>
        <message>
            <source>Use a network saved as a model file (.npz) instead of the current one</source>
            <translation type="vanished">改用保存在模型文件（.npz）中的网络，代替当前网络</translation>
        </message>
        <message>
            <source>model file {path} is not an .npz (zip) archive; it may be another kind of file or random bytes</source>
            <translation type="vanished">模型文件 {path} 不是 .npz（zip）压缩包；它可能是别的文件或随机字节</translation>
        </message>
        <message>
            <source>Opened a digit labelled {label}</source>
            <translation type="vanished">已打开一个标签为 {label} 的数字</translation>
        </message>
        <message>
            <source>Loaded a test digit labelled {label}</source>
            <translation type="vanished">已载入一个标签为 {label} 的测试数字</translation>
        </message>
        <message>
            <source>the folder with the MNIST IDX files, for training</source>
            <translation type="vanished">存放 MNIST IDX 文件的文件夹，用于训练</translation>
        </message>
        <message>
            <source>Digits from the MNIST test set, which the network never saw in training. Click one to load it.</source>
            <translation type="vanished">来自 MNIST 测试集的数字，网络在训练时从未见过。点击即可载入。</translation>
        </message>
        <message>
            <source>Model files (*.npz);;All files (*)</source>
            <translation type="vanished">模型文件 (*.npz);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Model files (*.npz)</source>
            <translation type="vanished">模型文件 (*.npz)</translation>
        </message>
        <message>
            <source>This view is not available in this version:
{reason}</source>
            <translation type="vanished">这个版本中没有这个视图：
{reason}</translation>
        </message>
        <message>
            <source>Gradient ∂z_{c}/∂x</source>
            <translation type="vanished">梯度 ∂z_{c}/∂x</translation>
        </message>
        <message>
            <source>gradient of z_{a} − z_{b}</source>
            <translation type="vanished">z_{a} − z_{b} 的梯度</translation>
        </message>
        <message>
            <source>class {i} of {n}</source>
            <translation type="vanished">第 {i} 个类别，共 {n} 个</translation>
        </message>
        <message>
            <source>&lt;p&gt;Back-propagation gives every dL/dθ in one backward pass. The check nudges one number θ by ±ε and measures the loss: &lt;i&gt;(L(θ+ε) − L(θ−ε)) / 2ε&lt;/i&gt;, in float64 so rounding stays far below the difference. Relative error = |backprop − numeric| / max(|backprop|, |numeric|); below 1e−6 the two agree to many digits.&lt;/p&gt;&lt;p&gt;A &lt;b&gt;corner&lt;/b&gt; means a ReLU input or a max-pool tie sits within ±ε: the slope differs on the two sides, the derivative does not exist there, and backprop takes one side. A black background makes every pooling window there an exact tie, so nudging almost any pixel breaks one; “break ties” adds ±0.001 of fixed noise to the digit so that the derivative exists.&lt;/p&gt;</source>
            <translation type="vanished">&lt;p&gt;反向传播只需一次反向计算就能得到所有的 dL/dθ。检验时把某个数 θ 挪动 ±ε，再测量损失：&lt;i&gt;(L(θ+ε) − L(θ−ε)) / 2ε&lt;/i&gt;，用 float64 计算，使舍入误差远小于这个差值。相对误差 = |反向传播 − 数值| / max(|反向传播|, |数值|)；低于 1e−6 时，两者在很多位上都一致。&lt;/p&gt;&lt;p&gt;&lt;b&gt;拐点&lt;/b&gt;表示某个 ReLU 的输入或某个最大池化的并列值落在 ±ε 之内：两侧的斜率不同，导数在那里不存在，而反向传播只取其中一侧。黑色背景使那里的每个池化窗口都恰好并列，所以挪动几乎任何像素都会打破一个并列；“打破并列”给数字加上 ±0.001 的固定噪声，使导数存在。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation type="vanished">重置</translation>
        </message>
        <message>
            <source>{rate:,.0f} images/s · {elapsed} elapsed{eta} · loss {loss:.3f}</source>
            <translation type="vanished">{rate:,.0f} 张图片/秒 · 已用 {elapsed}{eta} · 损失 {loss:.3f}</translation>
        </message>
    </context>
</TS>
