<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>explainer</name>
        <message>
            <location filename="../../explainer/architectures.py" line="293" />
            <source>the feature maps would hold {n} numbers per image, more than the {max} a model file allows; use fewer channels or more pooling</source>
            <translation>特征图每张图像会有 {n} 个数，超过了模型文件允许的 {max} 个；请减少通道或增加池化</translation>
        </message>
        <message>
            <location filename="../../explainer/architectures.py" line="441" />
            <source>{name}: its {k}x{k} kernel is larger than its input {h}x{w} padded to {ph}x{pw} (padding {pad}); use fewer blocks, a smaller kernel, more padding or stride 1</source>
            <translation>{name}：它的 {k}x{k} 卷积核比输入还大（输入 {h}x{w}，填充 {pad} 后为 {ph}x{pw}）；请减少卷积块，或用更小的卷积核、更多的填充、步幅 1</translation>
        </message>
        <message>
            <location filename="../../explainer/architectures.py" line="452" />
            <source>{name}: its {size}x{size} window does not fit its {h}x{w} input; use fewer blocks, a smaller pool size, stride 1 or no pooling</source>
            <translation>{name}：它的 {size}x{size} 池化窗口放不进 {h}x{w} 的输入；请减少卷积块，或用更小的池化尺寸、步幅 1、不用池化</translation>
        </message>
        <message>
            <location filename="../../explainer/architectures.py" line="465" />
            <source>{name}: Flatten gives {n} numbers, more than the {max} inputs a dense layer may have; add pooling, a block or a larger stride</source>
            <translation>{name}：展平后有 {n} 个数，超过了全连接层最多允许的 {max} 个输入；请增加池化、卷积块或更大的步幅</translation>
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
            <location filename="../../explainer/gui/app.py" line="170" />
            <location filename="../../explainer/gui/app.py" line="172" />
            <location filename="../../explainer/gui/mainwindow/window.py" line="330" />
            <source>MNIST CNN Explainer</source>
            <translation>MNIST CNN 可视化讲解</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="215" />
            <source>A background job did not stop in time; quitting without it.</source>
            <translation>后台任务没有及时停止；不再等待，直接退出。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="299" />
            <source>Something went wrong</source>
            <translation>出错了</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="301" />
            <source>An unexpected error happened; the app keeps running.

{summary}</source>
            <translation>发生了意外错误；程序仍在继续运行。

{summary}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/app.py" line="303" />
            <source>Details were saved to {path}</source>
            <translation>详细信息已保存到 {path}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/canvas.py" line="180" />
            <source>Draw a digit with the left mouse button. The right button erases. Ctrl+Z undoes a stroke.</source>
            <translation>用鼠标左键写一个数字，右键擦除，Ctrl+Z 撤销一笔。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/canvas.py" line="254" />
            <source>Draw a digit here</source>
            <translation>在这里写一个数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/canvas.py" line="354" />
            <source>What the network sees: your drawing cropped, shrunk to 20x20, centred on its centre of mass in a 28x28 image, like the MNIST digits it was trained on.</source>
            <translation>网络看到的输入：你的手写经过裁剪、缩小到 20x20，再按质心居中放进 28x28 的图像，与它训练时用的 MNIST 数字一样。</translation>
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
            <location filename="../../explainer/gui/gallery.py" line="106" />
            <source>Test digit #{index}, true label {label}. Click to load it.</source>
            <translation>测试数字 #{index}，真实标签 {label}。点击载入。</translation>
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
            <source>Draw a digit (or pick a sample) to see how this layer computes its output.</source>
            <translation>写一个数字（或选一个样本），看看这一层如何计算它的输出。</translation>
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
            <location filename="../../explainer/gui/kit/animation.py" line="560" />
            <source>Export as PNG</source>
            <translation>导出为 PNG</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="560" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="568" />
            <source>Export animation</source>
            <translation>导出动画</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="568" />
            <source>GIF animation (*.gif)</source>
            <translation>GIF 动画 (*.gif)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="636" />
            <source>Save PNG…</source>
            <translation>保存 PNG…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/kit/animation.py" line="637" />
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
            <location filename="../../explainer/gui/layers/activation.py" line="153" />
            <source>{x} &gt; 0, so y = x = {y}</source>
            <translation>{x} &gt; 0，所以 y = x = {y}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="154" />
            <source>{x} ≤ 0, so y = α × {x} = {y}</source>
            <translation>{x} ≤ 0，所以 y = α × {x} = {y}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="164" />
            <source>{n} of {total} values were ≤ 0 and became 0 ({pct:.1f} %).</source>
            <translation>{total} 个值中有 {n} 个 ≤ 0，变成了 0（{pct:.1f} %）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="172" />
            <source>Map {clicked} has no negative value, so leaky ReLU leaves it unchanged: shown is map {shown}, where it scales the most values.</source>
            <translation>第 {clicked} 张特征图没有负值，Leaky ReLU 不会改变它：这里显示的是第 {shown} 张特征图，它被缩放的值最多。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="177" />
            <source>Map {clicked} has no value ≤ 0, so ReLU leaves it unchanged: shown is map {shown}, where it zeroes the most values.</source>
            <translation>第 {clicked} 张特征图没有 ≤ 0 的值，ReLU 不会改变它：这里显示的是第 {shown} 张特征图，ReLU 在这里置零的值最多。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="186" />
            <source>{n} of {total} values were negative and were scaled by α ({pct:.1f} %).</source>
            <translation>{total} 个值中有 {n} 个为负，被乘以了 α（{pct:.1f} %）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="193" />
            <source>pixel ({row}, {col})  ·  step {step} of {total}</source>
            <translation>像素 ({row}, {col})  ·  第 {step} 步，共 {total} 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="203" />
            <source>The ReLU mask</source>
            <translation>ReLU 掩码</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="204" />
            <source>ReLU passed positive inputs unchanged (slope 1) and zeroed the rest (slope 0). Backward, the gradient flows through where the input was positive and stops elsewhere: dL/dZ = dL/dA ⊙ 1[Z &gt; 0].</source>
            <translation>ReLU 让正的输入原样通过（斜率 1），其余置零（斜率 0）。反向时，梯度在输入为正的地方流过，在其他地方被截断：dL/dZ = dL/dA ⊙ 1[Z &gt; 0]。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="213" />
            <source>Multiply by the local slope</source>
            <translation>乘以局部斜率</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="214" />
            <source>An element-wise activation scales each gradient by its own derivative at the input it saw: dL/dZ = dL/dA ⊙ g′(Z).</source>
            <translation>逐元素的激活函数会把每个梯度乘以它在对应输入处的导数：dL/dZ = dL/dA ⊙ g′(Z)。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="225" />
            <source>drops {p:.0%} of the values while training</source>
            <translation>训练时丢弃 {p:.0%} 的值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="227" />
            <source>max(0, x)</source>
            <translation>max(0, x)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="228" />
            <source>x, or 0.01·x below 0</source>
            <translation>x；小于 0 时为 0.01·x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="229" />
            <source>tanh(x), between −1 and 1</source>
            <translation>tanh(x)，介于 −1 和 1 之间</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="230" />
            <source>1 / (1 + e^−x), between 0 and 1</source>
            <translation>1 / (1 + e^−x)，介于 0 和 1 之间</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="237" />
            <source>dL/dx = dL/dy ⊙ g′(x).</source>
            <translation>dL/dx = dL/dy ⊙ g′(x)。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="237" />
            <source>y = g(x), value by value.</source>
            <translation>y = g(x)，逐个数值计算。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="239" />
            <source>dL/dZ = dL/dA ⊙ 1[Z &gt; 0]: the gradient passes only where the unit was on.</source>
            <translation>dL/dZ = dL/dA ⊙ 1[Z &gt; 0]：梯度只在单元被激活的地方通过。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="240" />
            <source>A = max(0, Z): negative values become 0.</source>
            <translation>A = max(0, Z)：负值变成 0。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="245" />
            <source>ReLU</source>
            <translation>ReLU</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="245" />
            <source>Leaky ReLU</source>
            <translation>Leaky ReLU</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="245" />
            <source>tanh</source>
            <translation>tanh</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="245" />
            <source>sigmoid</source>
            <translation>sigmoid</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="380" />
            <source>before: x</source>
            <translation>之前：x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="381" />
            <source>after: y</source>
            <translation>之后：y</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="647" />
            <source>Channel</source>
            <translation>通道</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="686" />
            <source>value {i} of {n}</source>
            <translation>第 {i} 个值，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="690" />
            <source>Z (input)</source>
            <translation>Z（输入）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="693" />
            <source>what the layer received in the forward pass</source>
            <translation>这一层在前向传播中收到的值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="696" />
            <source>mask 1[Z &gt; 0]</source>
            <translation>掩码 1[Z &gt; 0]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="696" />
            <source>g′(Z)</source>
            <translation>g′(Z)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="700" />
            <source>the local slope of the activation</source>
            <translation>激活函数在该点的斜率</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="703" />
            <source>dL/dA (from above)</source>
            <translation>dL/dA（来自上一层）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="706" />
            <source>gradient arriving at the output</source>
            <translation>到达输出的梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="709" />
            <source>dL/dZ = dL/dA ⊙ g′(Z)</source>
            <translation>dL/dZ = dL/dA ⊙ g′(Z)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="713" />
            <source>zero wherever the unit was off</source>
            <translation>凡是该单元未激活的地方都为零</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/activation.py" line="718" />
            <source>dL/dZ[{r},{c}] = dL/dA · g′(Z) = {dy} × {d} = &lt;b&gt;{v}&lt;/b&gt;   (Z = {x})</source>
            <translation>dL/dZ[{r},{c}] = dL/dA · g′(Z) = {dy} × {d} = &lt;b&gt;{v}&lt;/b&gt;   （Z = {x}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/base.py" line="224" />
            <location filename="../../explainer/gui/pages/stepper.py" line="294" />
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
            <location filename="../../explainer/gui/layers/conv/__init__.py" line="27" />
            <source>same ({p})</source>
            <translation>same（{p}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/__init__.py" line="29" />
            <source>valid (0)</source>
            <translation>valid（0）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/__init__.py" line="30" />
            <source>{n} filters {k}×{k}, stride {s}, padding {p}</source>
            <translation>{n} 个 {k}×{k} 滤波器，步幅 {s}，填充 {p}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/__init__.py" line="38" />
            <source>Z = W ⋆ A_prev + b: every kernel slides over all input maps.</source>
            <translation>Z = W ⋆ A_prev + b：每个卷积核都在全部输入特征图上滑动。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/__init__.py" line="39" />
            <source>dL/dA_prev = full convolution of dL/dZ with rot180(W);  dL/dW = A_prev ⋆ dL/dZ;  dL/db = Σ dL/dZ.  Click “Show the numbers” to watch it.</source>
            <translation>dL/dA_prev = dL/dZ 与 rot180(W) 的全卷积；  dL/dW = A_prev ⋆ dL/dZ；  dL/db = Σ dL/dZ。  点击“显示数值”观看计算过程。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="97" />
            <source>Which gradient to compute</source>
            <translation>要计算哪一个梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="98" />
            <location filename="../../explainer/gui/layers/conv/backward.py" line="126" />
            <source>dL/dA_prev: full convolution with the kernel rotated 180°</source>
            <translation>dL/dA_prev：与旋转 180° 的卷积核做全卷积</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="98" />
            <location filename="../../explainer/gui/layers/conv/backward.py" line="127" />
            <source>dL/dW: input ⋆ dL/dZ</source>
            <translation>dL/dW：输入 ⋆ dL/dZ</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="101" />
            <source>Output channel o (a map of this layer)</source>
            <translation>输出通道 o（本层的一张特征图）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="102" />
            <source>Input channel c (a map of the previous layer)</source>
            <translation>输入通道 c（上一层的一张特征图）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="188" />
            <source>step {i} of {n}</source>
            <translation>第 {i} 步，共 {n} 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="194" />
            <source>dL/dZ[{o}], zero-padded</source>
            <translation>dL/dZ[{o}]，补零后</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="198" />
            <source>the gradient arriving at this layer's output map o</source>
            <translation>到达本层输出特征图 o 的梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="201" />
            <source>rot180(W[{o},{c}])</source>
            <translation>rot180(W[{o},{c}])</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="203" />
            <source>the kernel turned upside down and mirrored</source>
            <translation>上下颠倒再左右镜像的卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="206" />
            <source>share from map {o}</source>
            <translation>来自特征图 {o} 的部分</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="210" />
            <source>Σ window ⊙ rot180(W), one cell per step</source>
            <translation>Σ 窗口 ⊙ rot180(W)，每步一个格子</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="213" />
            <source>dL/dA_prev[{c}]</source>
            <translation>dL/dA_prev[{c}]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="216" />
            <source>sum of such maps over all {n} output channels</source>
            <translation>全部 {n} 个输出通道上这类图之和</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="223" />
            <source>dL/dA_prev[{c}][{r},{s}] (from map {o}) = Σ window ⊙ rot180(W) = {terms} = &lt;b&gt;{v}&lt;/b&gt;</source>
            <translation>dL/dA_prev[{c}][{r},{s}]（来自特征图 {o}）= Σ 窗口 ⊙ rot180(W) = {terms} = &lt;b&gt;{v}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="247" />
            <source>A_prev[{c}], padded</source>
            <translation>A_prev[{c}]，已填充</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="256" />
            <source>the input pixels weight ({i},{j}) touched</source>
            <translation>权重 ({i},{j}) 接触过的输入像素</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="258" />
            <source>dL/dZ[{o}]</source>
            <translation>dL/dZ[{o}]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="258" />
            <source>the gradient at this layer's output</source>
            <translation>本层输出处的梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="260" />
            <source>dL/dW[{o},{c}]</source>
            <translation>dL/dW[{o},{c}]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="264" />
            <source>dL/db[{o}] = Σ dL/dZ[{o}] = {v}</source>
            <translation>dL/db[{o}] = Σ dL/dZ[{o}] = {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/backward.py" line="273" />
            <source>dL/dW[{o},{c}][{i},{j}] = Σ A_pad[{i}+r, {j}+s]·dL/dZ[r,s] over {n} positions = &lt;b&gt;{v}&lt;/b&gt;&lt;br&gt;largest terms: {terms}</source>
            <translation>dL/dW[{o},{c}][{i},{j}] = 对 {n} 个位置求和 Σ A_pad[{i}+r, {j}+s]·dL/dZ[r,s] = &lt;b&gt;{v}&lt;/b&gt;&lt;br&gt;最大的几项：{terms}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="301" />
            <source>channel {c}</source>
            <translation>通道 {c}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="301" />
            <source>input, padded</source>
            <translation>输入（已填充）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="360" />
            <location filename="../../explainer/gui/layers/pool.py" line="313" />
            <location filename="../../explainer/gui/layers/pool.py" line="324" />
            <location filename="../../explainer/gui/network/mapdetail.py" line="348" />
            <location filename="../../explainer/gui/network/overview.py" line="160" />
            <location filename="../../explainer/gui/pages/design.py" line="462" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="360" />
            <location filename="../../explainer/gui/layers/conv/forward.py" line="567" />
            <source>kernel</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="362" />
            <source>window · kernel</source>
            <translation>窗口 · 卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="363" />
            <location filename="../../explainer/gui/layers/pool.py" line="314" />
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="558" />
            <location filename="../../explainer/gui/layers/conv/forward.py" line="659" />
            <source>bias {b}</source>
            <translation>偏置 {b}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="566" />
            <source>window of channel {c}</source>
            <translation>通道 {c} 的窗口</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="566" />
            <source>window</source>
            <translation>窗口</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="568" />
            <source>products</source>
            <translation>乘积</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="739" />
            <source>output map </source>
            <translation>输出特征图 </translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="740" />
            <source>Save GIF…</source>
            <translation>保存 GIF…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/forward.py" line="742" />
            <source>Save the sliding kernel as an animated GIF (up to {n} steps from here)</source>
            <translation>把滑动的卷积核保存为 GIF 动画（从当前位置起最多 {n} 步）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="16" />
            <source>{name}: output map {channel} of {channels}  ·  {k}×{k} kernel, stride {stride}, padding {padding}</source>
            <translation>{name}：第 {channel} 个输出特征图，共 {channels} 个  ·  {k}×{k} 卷积核，步幅 {stride}，填充 {padding}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="26" />
            <source>Multiply, then add</source>
            <translation>先相乘，再相加</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="27" />
            <source>A small grid of weights, the kernel, slides over the input. At each position every input value is multiplied by the weight lying on it, and the products are added up. That sum, plus one number called the bias, is one pixel of the output map.</source>
            <translation>一小块权重网格，也就是卷积核，在输入上滑动。在每个位置，每个输入值都与覆盖在它上面的权重相乘，再把这些乘积加起来。这个和再加上一个叫作偏置的数，就是输出特征图上的一个像素。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="34" />
            <source>Local connectivity</source>
            <translation>局部连接</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="35" />
            <source>Each output pixel looks only at the {k}×{k} window under the kernel, never at the whole image. Neighbouring pixels belong together, so a small window is enough to find an edge, a stroke or a corner. Deeper layers combine these small findings into larger shapes.</source>
            <translation>每个输出像素只看卷积核下方 {k}×{k} 的窗口，而不是整张图。相邻的像素彼此相关，所以一个小窗口就足以找出一条边、一段笔画或一个拐角。更深的层再把这些小发现组合成更大的形状。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="42" />
            <source>Weight sharing</source>
            <translation>权值共享</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="43" />
            <source>The same kernel is used at every position, so this output map needs only {n} weights and 1 bias, however large the image is. A pattern is recognised wherever it appears.</source>
            <translation>每个位置用的都是同一个卷积核，所以无论图像多大，这张输出特征图只需要 {n} 个权重和 1 个偏置。一个图案无论出现在哪里都能被识别出来。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="52" />
            <source>Many input channels</source>
            <translation>多个输入通道</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="53" />
            <source>The input has {c} channels and the kernel has one {k}×{k} slice for each. Every slice makes its own intermediate map; the {c} intermediate maps are added together and the bias is added once. Each output map has its own set of kernels.</source>
            <translation>输入有 {c} 个通道，卷积核为每个通道各准备一片 {k}×{k} 的权重。每一片各自得到一张中间图；这 {c} 张中间图相加，再加一次偏置。每张输出特征图都有自己的一组卷积核。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="62" />
            <source>Why padding</source>
            <translation>为什么要填充</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="63" />
            <source>Without padding the output loses {lost} pixels in each direction at every layer, and border pixels fall under fewer windows than central ones. Here {p} ring(s) of zeros, drawn hatched, surround the input, so edges count as much as the centre.</source>
            <translation>如果不填充，每经过一层，输出在每个方向上都会少 {lost} 个像素，而且边缘像素被窗口覆盖的次数比中间的少。这里在输入四周补了 {p} 圈 0（画有斜线），让边缘和中心同样重要。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="69" />
            <source>This layer uses no padding ('valid'): the kernel stays inside the image, so the output is {lost} pixels smaller in each direction than the input, and border pixels are seen less often.</source>
            <translation>这一层不填充（'valid'）：卷积核始终留在图像内部，所以输出在每个方向上比输入小 {lost} 个像素，边缘像素也较少被看到。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="78" />
            <source>What stride does</source>
            <translation>步幅的作用</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="79" />
            <source>The stride is how far the kernel jumps between positions. Here it moves {s} pixel at a time, so neighbouring windows overlap and the output keeps the full resolution.</source>
            <translation>步幅是卷积核每次移动的距离。这里每次移动 {s} 个像素，所以相邻窗口相互重叠，输出保持完整的分辨率。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="84" />
            <source>The stride is how far the kernel jumps between positions. Here it moves {s} pixels at a time, skipping positions in between: the output is about {s} times smaller in each direction and neighbouring windows overlap less.</source>
            <translation>步幅是卷积核每次移动的距离。这里每次移动 {s} 个像素，跳过中间的位置：输出在每个方向上大约缩小为原来的 1/{s}，相邻窗口的重叠也更少。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="91" />
            <source>Output size</source>
            <translation>输出尺寸</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="97" />
            <source>Output size = (H + 2P − K) / S + 1, rounded down, for an input of H pixels, padding P, kernel K and stride S.</source>
            <translation>输出尺寸 = (H + 2P − K) / S + 1（向下取整），其中 H 为输入像素数，P 为填充，K 为卷积核大小，S 为步幅。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="105" />
            <source>output ({row}, {col})  ·  step {step} of {total}</source>
            <translation>输出 ({row}, {col})  ·  第 {step} 步，共 {total} 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="112" />
            <source>kernel for channel {c}, weight ({row}, {col}) = {v}</source>
            <translation>通道 {c} 的卷积核，权重 ({row}, {col}) = {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="119" />
            <source>Click a channel to show its numbers below.</source>
            <translation>点击一个通道，在下方显示它的数值。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="126" />
            <source>Where the gradient comes from</source>
            <translation>梯度从哪里来</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="127" />
            <source>dL/dZ is the gradient at this layer's output before the activation: the ReLU after it has already multiplied by its mask, dZ = dA ⊙ g′(Z).</source>
            <translation>dL/dZ 是本层输出在激活之前的梯度：后面的 ReLU 已经乘上了它的掩码，dZ = dA ⊙ g′(Z)。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="133" />
            <source>dL/dA_prev: a full convolution</source>
            <translation>dL/dA_prev：一次全卷积</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="134" />
            <source>Every input pixel helped make up to {n} outputs, one per kernel position. Collecting their gradients is a convolution of dL/dZ, padded with k − 1 − P = {ring} zeros, with the kernel rotated by 180°. Summing over every output channel gives dL/dA_prev.</source>
            <translation>每个输入像素最多参与了 {n} 个输出的计算，卷积核的每个位置一个。把这些梯度收集起来，就是把 dL/dZ 补上 k − 1 − P = {ring} 圈 0，再与旋转 180° 的卷积核做卷积。对所有输出通道求和，就得到 dL/dA_prev。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="141" />
            <source>dL/dW: the input correlated with dL/dZ</source>
            <translation>dL/dW：输入与 dL/dZ 的互相关</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="142" />
            <source>Each weight W[i, j] was used at every output position, always on the pixel (i, j) steps away, so its gradient is the sum of those pixels times dL/dZ: the input ⋆ dL/dZ. dL/db is simply the sum of dL/dZ (stride {s}, padding {p}).</source>
            <translation>每个权重 W[i, j] 在每个输出位置都用到过，作用的总是偏移 (i, j) 处的那个像素，所以它的梯度就是这些像素乘以 dL/dZ 之和：输入 ⋆ dL/dZ。dL/db 就是 dL/dZ 的总和（步幅 {s}，填充 {p}）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="156" />
            <source>Try your own settings: choose the input size, the kernel size, the padding and the stride, then watch the kernel slide and see how large the output becomes.</source>
            <translation>自己动手试试：选择输入尺寸、卷积核大小、填充和步幅，然后看卷积核如何滑动，输出会变成多大。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="164" />
            <source>(H + 2P − K) / S + 1  =  ({h} + 2×{p} − {k}) / {s} + 1  =  {out}</source>
            <translation>(H + 2P − K) / S + 1  =  ({h} + 2×{p} − {k}) / {s} + 1  =  {out}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="171" />
            <source>(H + 2P − K) / S + 1  =  ⌊({h} + 2×{p} − {k}) / {s}⌋ + 1  =  {out}</source>
            <translation>(H + 2P − K) / S + 1  =  ⌊({h} + 2×{p} − {k}) / {s}⌋ + 1  =  {out}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="178" />
            <source>The division is not exact: the last {n} row(s) and column(s) of the padded input are never under the kernel (drawn hatched), because the kernel would stick out of the image.</source>
            <translation>这里除不尽：填充后输入的最后 {n} 行和 {n} 列从未落在卷积核下方（画有斜线），因为那样卷积核会伸出图像之外。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="187" />
            <source>'Same' padding adds (K − 1) / 2 zeros on each side so the output is as large as the input.</source>
            <translation>'Same' 填充在每一侧补 (K − 1) / 2 个 0，使输出与输入一样大。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="190" />
            <source>'Same' padding adds (K − 1) / 2 zeros on each side; with stride {s} the output is still about {s} times smaller, because 'same' keeps the size only at stride 1.</source>
            <translation>'Same' 填充在每一侧补 (K − 1) / 2 个 0；但步幅为 {s} 时，输出仍然约缩小为 1/{s}，因为 'same' 只在步幅为 1 时保持尺寸不变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="198" />
            <source>Impossible: the {k}×{k} kernel does not fit inside the padded input, which is only {h} + 2×{p} = {hp} pixels wide. There is no position where it lies completely on the image, so the output would have no pixels. Choose a smaller kernel or more padding.</source>
            <translation>不可能：{k}×{k} 的卷积核放不进填充后的输入，它只有 {h} + 2×{p} = {hp} 个像素宽。卷积核找不到完全落在图像上的位置，输出将没有任何像素。请选择更小的卷积核或更多的填充。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/conv/texts.py" line="207" />
            <source>Impossible: 'same' padding puts (K − 1) / 2 = {half} zeros on each side, and half a pixel cannot be added. Choose an odd kernel size or type the padding as a number.</source>
            <translation>不可能：'same' 填充要在每一侧补 (K − 1) / 2 = {half} 个 0，而半个像素是补不了的。请选择奇数大小的卷积核，或把填充直接输入为一个数字。</translation>
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
            <location filename="../../explainer/gui/pages/stepper.py" line="376" />
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
            <location filename="../../explainer/gui/pages/stepper.py" line="387" />
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
            <location filename="../../explainer/gui/network/overview.py" line="458" />
            <location filename="../../explainer/gui/network/overview.py" line="531" />
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
            <location filename="../../explainer/gui/tour/stops.py" line="510" />
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
            <location filename="../../explainer/gui/layers/pool.py" line="64" />
            <source>max pooling</source>
            <translation>最大池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="64" />
            <source>average pooling</source>
            <translation>平均池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="65" />
            <source>{name} ({kind}): map {channel} of {channels}  ·  {size}×{size} windows, stride {stride}</source>
            <translation>{name}（{kind}）：第 {channel} 张特征图，共 {channels} 张  ·  {size}×{size} 窗口，步幅 {stride}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="75" />
            <source>Max pooling</source>
            <translation>最大池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="76" />
            <source>The map is cut into {k}×{k} windows, moving {s} at a time, and each window is replaced by its largest value. After ReLU the largest value is the place where the pattern matched best, so keeping it keeps what matters and drops the rest.</source>
            <translation>特征图被切成 {k}×{k} 的窗口，每次移动 {s} 格，每个窗口只用其中的最大值代替。经过 ReLU 之后，最大值就是图案匹配得最好的地方，保留它就保留了要紧的信息，其余的则被舍弃。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="84" />
            <source>Average pooling</source>
            <translation>平均池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="85" />
            <source>The map is cut into {k}×{k} windows, moving {s} at a time, and each window is replaced by the mean of its values: the map is smoothed and shrunk, and no value is singled out.</source>
            <translation>特征图被切成 {k}×{k} 的窗口，每次移动 {s} 格，每个窗口用其中数值的平均值代替：特征图被平滑并缩小，没有哪个值被特别挑出来。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="90" />
            <source>Pooling has no weights to learn and treats every channel on its own. It makes the maps smaller, so later layers are cheaper and each of their pixels sees a larger part of the digit, and a stroke that moves by a pixel still gives almost the same result.</source>
            <translation>池化没有需要学习的权重，并且对每个通道分别处理。它让特征图变小，于是后面的层计算更省，它们的每个像素也能看到数字更大的一部分；笔画移动一个像素，结果也几乎不变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="95" />
            <source>Why pool</source>
            <translation>为什么要池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="99" />
            <source>Size</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="100" />
            <source>Each window of {n} values becomes 1 value: the map has {n} times fewer values.</source>
            <translation>每个含 {n} 个值的窗口变成 1 个值：特征图的数值个数变为原来的 1/{n}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="110" />
            <source>Colours: one scale, {peak}, for all {n} maps of this layer, as in the overview with the colour scale “Per layer” (“Per block” and “Whole network” can span more).</source>
            <translation>颜色：本层全部 {n} 张特征图共用一个色标 {peak}，与总览中色标选“按层”时相同（“按模块”和“整个网络”的范围可能更大）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="118" />
            <source>{n} of {total} values are not the maximum of any window and are dropped ({pct:.1f} %).</source>
            <translation>{total} 个值中有 {n} 个不是任何窗口的最大值，被舍弃了（{pct:.1f} %）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="125" />
            <source>{total} values are averaged into {out}: nothing is dropped, but {pct:.1f} % fewer numbers remain.</source>
            <translation>{total} 个值被平均成 {out} 个：没有值被舍弃，但剩下的数少了 {pct:.1f} %。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="132" />
            <source>The last {r} row(s) and {c} column(s) do not fill a whole window and are ignored (hatched).</source>
            <translation>最后 {r} 行和 {c} 列凑不满一个完整的窗口，因此被忽略（画有斜线）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="139" />
            <source>window ({row}, {col})  ·  step {step} of {total}</source>
            <translation>窗口 ({row}, {col})  ·  第 {step} 步，共 {total} 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="149" />
            <source>Only the maximum gets the gradient</source>
            <translation>只有最大值得到梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="150" />
            <source>In the forward pass only the largest value of each {k}×{k} window reached the output, so only it can change the loss. The backward pass remembers where each maximum was (the mask) and routes the gradient there; the other cells get zero.</source>
            <translation>在前向传播中，每个 {k}×{k} 窗口只有最大值到达了输出，所以只有它能影响损失。反向传播记住每个最大值的位置（掩码），把梯度送到那里；其余格子得到 0。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="156" />
            <source>No weights</source>
            <translation>没有权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="156" />
            <source>Pooling has nothing to learn: it only passes gradients back.</source>
            <translation>池化没有需要学习的东西：它只是把梯度传回去。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="160" />
            <source>Spread evenly</source>
            <translation>平均分配</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="161" />
            <source>Every cell of a {k}×{k} window counted 1/{n} towards the average, so each receives 1/{n} of the window's gradient.</source>
            <translation>{k}×{k} 窗口中的每个格子在平均值中各占 1/{n}，所以每个格子得到窗口梯度的 1/{n}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="171" />
            <source>max of each {k}×{k} window</source>
            <translation>每个 {k}×{k} 窗口的最大值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="171" />
            <source>mean of each {k}×{k} window</source>
            <translation>每个 {k}×{k} 窗口的平均值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="178" />
            <source>Each window keeps only its largest value.</source>
            <translation>每个窗口只保留其中的最大值。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="179" />
            <source>Each window is replaced by its average.</source>
            <translation>每个窗口用其平均值代替。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="180" />
            <source>Each gradient goes back to the position of its window's maximum; the rest get 0.</source>
            <translation>每个梯度回到其窗口中最大值所在的位置；其余位置得到 0。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="181" />
            <source>Each gradient is spread evenly, 1/k² to every cell of its window.</source>
            <translation>每个梯度被平均分配，窗口中每个格子得到 1/k²。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="488" />
            <source>Channel (pooling works on each map alone)</source>
            <translation>通道（池化对每张特征图单独处理）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="553" />
            <source>window {i} of {n}</source>
            <translation>第 {i} 个窗口，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="556" />
            <source>A[{c}] (pool input)</source>
            <translation>A[{c}]（池化的输入）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="560" />
            <source>outlined: the window's maximum</source>
            <translation>框出的是窗口中的最大值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="560" />
            <source>the window</source>
            <translation>该窗口</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="566" />
            <source>mask</source>
            <translation>掩码</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="571" />
            <source>1 where the max was, 0 elsewhere</source>
            <translation>最大值所在处为 1，其余为 0</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="576" />
            <source>dL/dY[{c}]</source>
            <translation>dL/dY[{c}]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="579" />
            <source>gradient arriving at the pooled map</source>
            <translation>到达池化后特征图的梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="582" />
            <source>dL/dA[{c}]</source>
            <translation>dL/dA[{c}]</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="586" />
            <source>built window by window</source>
            <translation>逐个窗口构建</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="592" />
            <source>window ({r},{s}): max {m} at ({i},{j}) → dL/dA[{i},{j}] += dL/dY[{r},{s}] = &lt;b&gt;{v}&lt;/b&gt;; the other {n} cells get 0</source>
            <translation>窗口 ({r},{s})：最大值 {m} 位于 ({i},{j}) → dL/dA[{i},{j}] += dL/dY[{r},{s}] = &lt;b&gt;{v}&lt;/b&gt;；其余 {n} 个格子得到 0</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/layers/pool.py" line="598" />
            <source>window ({r},{s}): each of the {n} cells gets dL/dY[{r},{s}] / {n} = {g} / {n} = &lt;b&gt;{v}&lt;/b&gt;</source>
            <translation>窗口 ({r},{s})：{n} 个格子各得到 dL/dY[{r},{s}] / {n} = {g} / {n} = &lt;b&gt;{v}&lt;/b&gt;</translation>
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
            <source>Load a picture of a digit (PNG, JPEG, …) into the canvas</source>
            <translation>把一张数字图片（PNG、JPEG 等）载入画布</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="65" />
            <source>Open &amp;model…</source>
            <translation>打开模型(&amp;M)…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="66" />
            <source>Use a network saved as a model file (.npz) instead of the current one</source>
            <translation>改用保存在模型文件（.npz）中的网络，代替当前网络</translation>
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
            <source>&amp;Export view as PNG…</source>
            <translation>将视图导出为 PNG(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="89" />
            <source>Save the overview as a PNG image</source>
            <translation>把总览图保存为 PNG 图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="95" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="96" />
            <source>Close the app</source>
            <translation>关闭程序</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="102" />
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="103" />
            <source>Undo the last stroke, Clear or loaded image</source>
            <translation>撤销上一笔、清空或载入的图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="109" />
            <source>&amp;Clear</source>
            <translation>清空(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="110" />
            <source>Erase the canvas</source>
            <translation>擦除整个画布</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="117" />
            <source>&amp;Eraser</source>
            <translation>橡皮擦(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="118" />
            <source>The left button erases while this is on</source>
            <translation>开启后左键用来擦除</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="125" />
            <source>&amp;Bigger brush</source>
            <translation>加粗画笔(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="126" />
            <source>Make the brush thicker</source>
            <translation>让画笔更粗</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="132" />
            <source>&amp;Smaller brush</source>
            <translation>减细画笔(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="133" />
            <source>Make the brush thinner</source>
            <translation>让画笔更细</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="139" />
            <source>&amp;Dark palette</source>
            <translation>深色主题(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="140" />
            <source>Switch between light and dark colours</source>
            <translation>在浅色和深色之间切换</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="147" />
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="148" />
            <source>Larger fonts and maps, for projectors</source>
            <translation>更大的字体和特征图，适合投影</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="155" />
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="156" />
            <source>Smaller fonts and maps</source>
            <translation>更小的字体和特征图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="162" />
            <source>&amp;Reset zoom</source>
            <translation>恢复原始大小(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="163" />
            <source>Normal size</source>
            <translation>正常大小</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="169" />
            <source>&amp;Present</source>
            <translation>演示模式(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="170" />
            <source>Full screen for a projector: large maps, no menus or hints; F11 or Esc leaves</source>
            <translation>全屏，适合投影仪：大图，不显示菜单和提示；按 F11 或 Esc 退出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="177" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="178" />
            <source>List every keyboard shortcut</source>
            <translation>列出所有键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="181" />
            <source>&amp;About</source>
            <translation>关于(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="181" />
            <source>What this app is</source>
            <translation>这个程序是做什么的</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="203" />
            <source>&amp;Forward</source>
            <translation>前向(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="204" />
            <source>Show what every layer computes from your digit (activations)</source>
            <translation>显示每一层根据你的数字算出了什么（激活值）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="211" />
            <source>&amp;Backward</source>
            <translation>反向(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="212" />
            <source>Show the gradients flowing back from the loss: how every value should change</source>
            <translation>显示从损失反向流回的梯度：每个值应该如何变化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="225" />
            <source>Back to the &amp;overview</source>
            <translation>返回总览(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="226" />
            <source>Close the explanation and show every layer</source>
            <translation>关闭讲解，显示所有层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="233" />
            <source>&amp;Network overview</source>
            <translation>网络总览(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="234" />
            <source>Every layer of the network, live, as you draw</source>
            <translation>网络的每一层，随你书写实时更新</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="282" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="289" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="293" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="296" />
            <source>Colour &amp;scale</source>
            <translation>色标(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="303" />
            <source>&amp;Learn</source>
            <translation>学习(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="304" />
            <source>Le&amp;ssons</source>
            <translation>课程(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="306" />
            <source>&amp;Model</source>
            <translation>模型(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="309" />
            <source>&amp;Data set</source>
            <translation>数据集(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="314" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="326" />
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="333" />
            <source>Show the app in {language}</source>
            <translation>以 {language} 显示程序</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="338" />
            <source>Left mouse button</source>
            <translation>鼠标左键</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="338" />
            <source>Draw</source>
            <translation>书写</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="339" />
            <source>Right mouse button</source>
            <translation>鼠标右键</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="339" />
            <source>Erase</source>
            <translation>擦除</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="347" />
            <source>Colour scale: {mode}</source>
            <translation>色标：{mode}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="355" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="371" />
            <source>About MNIST CNN Explainer</source>
            <translation>关于 MNIST CNN 可视化讲解</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/actions.py" line="374" />
            <source>&lt;h3&gt;MNIST CNN Explainer&lt;/h3&gt;&lt;p&gt;Draw a digit and watch a convolutional neural network read it: every layer's feature maps, live, with the real numbers.&lt;/p&gt;&lt;p&gt;Inspired by CNN Explainer (Polo Club of Data Science), rebuilt natively on MNIST with a NumPy network.&lt;/p&gt;&lt;p&gt;Model: {layers} layers, {params:,} parameters.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;MNIST CNN 可视化讲解&lt;/h3&gt;&lt;p&gt;写一个数字，看卷积神经网络如何读懂它：每一层的特征图都实时显示，并附上真实的数值。&lt;/p&gt;&lt;p&gt;灵感来自 CNN Explainer（Polo Club of Data Science），本程序基于 MNIST 和一个用 NumPy 实现的网络，作为桌面程序重新编写。&lt;/p&gt;&lt;p&gt;模型：{layers} 层，{params:,} 个参数。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="21" />
            <source>&amp;MNIST digits</source>
            <translation>MNIST 手写数字(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="21" />
            <source>&amp;Fashion-MNIST clothes</source>
            <translation>Fashion-MNIST 服饰(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="27" />
            <source>Handwritten digits 0-9, with the network trained on them</source>
            <translation>手写数字 0–9，以及在其上训练好的网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="28" />
            <source>Photos of clothes, shoes and bags in ten classes, with the network trained on them</source>
            <translation>十类衣服、鞋子和包的照片，以及在其上训练好的网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="73" />
            <source>Cannot switch the data set</source>
            <translation>无法切换数据集</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/datasets.py" line="88" />
            <source>Now working on {name}, with its bundled model</source>
            <translation>现在使用 {name} 及其自带的模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/detail.py" line="93" />
            <source>Backward pass through {name}</source>
            <translation>反向穿过 {name}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/detail.py" line="94" />
            <source>Forward pass: {name}</source>
            <translation>前向传播：{name}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/detail.py" line="222" />
            <source>What {name} channel {c} looks for</source>
            <translation>{name} 通道 {c} 在找什么</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/detail.py" line="229" />
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
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="52" />
            <source>Save model</source>
            <translation>保存模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="54" />
            <source>Model files ({patterns})</source>
            <translation>模型文件 ({patterns})</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="66" />
            <source>Cannot open the model</source>
            <translation>无法打开模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="75" />
            <source>Cannot save the model</source>
            <translation>无法保存模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="84" />
            <source>{file}: {problem}</source>
            <translation>{file}：{problem}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/modelfiles.py" line="101" />
            <source>Using an untrained network with random weights: its predictions mean nothing.</source>
            <translation>正在使用一个权重随机、未经训练的网络：它的预测没有意义。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/screen.py" line="140" />
            <source>The window cannot grow any larger on this screen</source>
            <translation>窗口在此屏幕上无法再放大</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="139" />
            <source>The model could not be loaded</source>
            <translation>无法加载模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="173" />
            <source>Opened the model {name}: {layers} layers, {params:,} weights</source>
            <translation>已打开模型 {name}：{layers} 层，{params:,} 个权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="184" />
            <source>Saved the model to {path}</source>
            <translation>模型已保存到 {path}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="194" />
            <location filename="../../explainer/gui/pages/learn.py" line="285" />
            <source>The bundled model is back.</source>
            <translation>已恢复自带的模型。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="207" />
            <source>Opened an image labelled {label}</source>
            <translation>已打开一张标签为 {label} 的图像</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="232" />
            <source>Cannot open this image</source>
            <translation>无法打开这张图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="234" />
            <source>Opened {name}</source>
            <translation>已打开 {name}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="242" />
            <source>Cannot export the view</source>
            <translation>无法导出视图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="244" />
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="332" />
            <location filename="../../explainer/gui/tour/stops.py" line="275" />
            <source>Draw a digit</source>
            <translation>写一个数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="332" />
            <source>Draw a piece of clothing</source>
            <translation>画一件服饰</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="333" />
            <source>Left button draws, right button erases. The network updates as you draw.</source>
            <translation>按住左键书写，右键擦除。网络会随着你的书写实时更新。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="334" />
            <source>Brush</source>
            <translation>画笔</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="335" />
            <source>Brush size: thicker strokes look more like MNIST digits</source>
            <translation>画笔粗细：笔画粗一些更像 MNIST 数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="336" />
            <source>What the network sees</source>
            <translation>网络看到的输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="338" />
            <source>Your drawing, cropped, scaled to 20x20 and centred in 28x28 pixels, like the MNIST digits.</source>
            <translation>你的手写经过裁剪、缩放到 20x20，再居中放进 28x28 像素的图像，与 MNIST 数字的处理方式相同。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="340" />
            <source>Your drawing or photo, cropped to the object, its longer side scaled to 28 pixels and its box centred, like the Fashion-MNIST photos.</source>
            <translation>你的画或照片：裁剪到物体，长边缩放到 28 像素，外框居中，就像 Fashion-MNIST 的照片。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="345" />
            <source>Or pick a test digit</source>
            <translation>或者选一个测试数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="345" />
            <source>Or pick a test image</source>
            <translation>或者选一张测试图像</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="346" />
            <source>Colour scale:</source>
            <translation>色标：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="348" />
            <source>How colours are scaled: each layer on its own, each block (conv, ReLU, pool) together, or one scale for the whole network so layers can be compared.</source>
            <translation>颜色的缩放方式：每层单独缩放，每个模块（卷积、ReLU、池化）共用一个范围，或整个网络共用一个范围，便于比较各层。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="360" />
            <source>Mode:</source>
            <translation>模式：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="361" />
            <source>Model changed by Learn this digit:</source>
            <translation>模型已被“学习这个数字”改变：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="362" />
            <location filename="../../explainer/gui/pages/learn.py" line="449" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="363" />
            <source>Put back the weights from before the last Learn step</source>
            <translation>恢复上一次学习步骤之前的权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="368" />
            <source>Time of the last update: preprocessing, the forward pass and refreshing the views</source>
            <translation>上一次更新所用的时间：预处理、前向传播和刷新视图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="592" />
            <source>Cannot use this input</source>
            <translation>无法使用这个输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="600" />
            <source>update {ms:.1f} ms</source>
            <translation>更新 {ms:.1f} 毫秒</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="605" />
            <source>Draw a digit to see what the network thinks</source>
            <translation>写一个数字，看看网络怎么认为</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="609" />
            <source>Prediction: {name} ({percent:.1f} %)</source>
            <translation>预测：{name}（{percent:.1f} %）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="630" />
            <source>⚠ This does not look like the digits the network was trained on (score {score:.1f})</source>
            <translation>⚠ 这看起来不像网络训练时见过的数字（异常分数 {score:.1f}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="643" />
            <source>Loss L = {loss} for the target {name} (the predicted class)</source>
            <translation>目标 {name}（预测的类别）的损失 L = {loss}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="645" />
            <source>Loss L = {loss} for the true label {name}</source>
            <translation>对真实标签 {name} 的损失 L = {loss}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="651" />
            <source>Explaining class {name}: its score z = {score}</source>
            <translation>正在解释类别 {name}：它的得分 z = {score}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="659" />
            <source>Backward: each map shows ∂L/∂a, how the loss changes when that value grows (red: the loss rises, blue: it falls). Click a map to see the gradient flow back through its layer.</source>
            <translation>反向：每张图显示 ∂L/∂a，即这个值变大时损失如何变化（红色：损失上升，蓝色：损失下降）。点击一张图，查看梯度如何反向穿过它所在的层。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="664" />
            <source>Forward: each map shows what its layer computed from your digit (red: positive, blue: negative). Click any map to see how it was computed.</source>
            <translation>前向：每张图显示它所在的层根据你的数字算出了什么（红色：正，蓝色：负）。点击任意一张图，查看它是如何算出来的。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="721" />
            <source>Training: the network updates every few steps</source>
            <translation>训练中：网络每隔几步更新一次</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="721" />
            <source>Training ended</source>
            <translation>训练已结束</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="789" />
            <source>Loaded a test image labelled {label}</source>
            <translation>已载入一张标签为 {label} 的测试图像</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="815" />
            <source>Open image</source>
            <translation>打开图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="815" />
            <source>Images ({patterns});;All files (*)</source>
            <translation>图片 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="835" />
            <source>Export view as PNG</source>
            <translation>将视图导出为 PNG</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/mainwindow/window.py" line="835" />
            <source>PNG images (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/layout.py" line="221" />
            <location filename="../../explainer/gui/network/overview.py" line="457" />
            <location filename="../../explainer/gui/network/overview.py" line="531" />
            <source>softmax</source>
            <translation>softmax</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="254" />
            <source>{shape} values · min {lo} · max {hi}</source>
            <translation>{shape} 个数值 · 最小 {lo} · 最大 {hi}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="284" />
            <source>Hover a cell to read its value.</source>
            <translation>把鼠标移到格子上即可读出它的数值。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="290" />
            <source>row {r}, col {c}: {v}</source>
            <translation>第 {r} 行，第 {c} 列：{v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="293" />
            <source>value {i}: {v}</source>
            <translation>第 {i} 个值：{v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="324" />
            <source>input · channel {c} · {shape}</source>
            <translation>输入 · 通道 {c} · {shape}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="326" />
            <location filename="../../explainer/gui/network/mapdetail.py" line="330" />
            <source>dL/d </source>
            <translation>dL/d </translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="332" />
            <source>{p}{name} · channel {c} of {n} · {shape}</source>
            <translation>{p}{name} · 第 {c} 个通道，共 {n} 个 · {shape}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="342" />
            <source>{p}{name} · values {a}-{b} of {n} (= {before} channel {c})</source>
            <translation>{p}{name} · 第 {a}-{b} 个值，共 {n} 个（= {before} 的第 {c} 个通道）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="358" />
            <source>{p}{name} · the {n} logits, class {i} outlined</source>
            <translation>{p}{name} · {n} 个 logits，已框出类别 {i}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/mapdetail.py" line="362" />
            <source>{p}{name} · value {i} of {n}</source>
            <translation>{p}{name} · 第 {i} 个值，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="684" />
            <source>{name} · channel {c} of {n}</source>
            <translation>{name} · 第 {c} 个通道，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="686" />
            <source>{name} · logit of class {k}</source>
            <translation>{name} · 类别 {k} 的 logit</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="688" />
            <source>{name} · value {i} of {n}</source>
            <translation>{name} · 第 {i} 个值，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="690" />
            <source>no gradient (no target)</source>
            <translation>没有梯度（未设目标）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="690" />
            <source>no input yet</source>
            <translation>还没有输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="693" />
            <source>value {v}</source>
            <translation>数值 {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="698" />
            <source>= {name} channel {c}, row {r}, col {k}</source>
            <translation>= {name} 第 {c} 个通道，第 {r} 行，第 {k} 列</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="704" />
            <source>min {lo}   max {hi}</source>
            <translation>最小 {lo}   最大 {hi}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/overview.py" line="833" />
            <source>Overview</source>
            <translation>总览</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/prediction.py" line="73" />
            <source>Probability of each class (softmax of the logits); the top one is the prediction</source>
            <translation>每个类别的概率（对 logits 做 softmax）；最高的就是预测结果</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/prediction.py" line="113" />
            <source>Unusual input (score {score:.1f}; 99% of digits stay under {threshold:.1f}): this does not look like the digits the network was trained on, so its answer means little.</source>
            <translation>异常输入（分数 {score:.1f}；99% 的数字低于 {threshold:.1f}）：这看起来不像网络训练时见过的数字，所以它的回答意义不大。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/network/prediction.py" line="274" />
            <source>Prediction</source>
            <translation>预测</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="25" />
            <source>Step through</source>
            <translation>逐步执行</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="26" />
            <source>One training step on your digit, stage by stage: forward, loss, backward, update</source>
            <translation>在你的数字上执行一次训练，逐个阶段：前向、损失、反向、更新</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="35" />
            <source>Attribution</source>
            <translation>归因</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="36" />
            <source>Which pixels of your digit the score depends on: gradients, SmoothGrad, IG, Grad-CAM</source>
            <translation>得分取决于你的数字中的哪些像素：梯度、SmoothGrad、IG、Grad-CAM</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="45" />
            <location filename="../../explainer/gui/pages/learn.py" line="442" />
            <source>Learn this digit</source>
            <translation>学习这个数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="46" />
            <source>Label your digit, take one SGD step and see what changed; Undo puts the weights back</source>
            <translation>给你的数字打上标签，执行一步 SGD，看看有什么变化；“撤销”会恢复权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="55" />
            <source>Gradient check</source>
            <translation>梯度检验</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="56" />
            <source>Compare back-propagation with central differences for pixels and weights you pick</source>
            <translation>针对你挑选的像素和权重，比较反向传播与中心差分的结果</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="65" />
            <location filename="../../explainer/gui/pages/playground.py" line="252" />
            <source>Playground</source>
            <translation>试验场</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="66" />
            <source>Try input size, kernel size, padding and stride, and see the output size worked out</source>
            <translation>试试不同的输入尺寸、卷积核大小、填充和步幅，看输出尺寸是怎么算出来的</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="75" />
            <source>Filters</source>
            <translation>滤波器</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="76" />
            <source>What each filter of every conv layer looks for: its top test images and a synthesised input</source>
            <translation>每个卷积层的每个滤波器在找什么：最能激活它的测试图像和合成的输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="87" />
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="88" />
            <source>Train the network on MNIST and watch the loss fall and the filters form</source>
            <translation>在 MNIST 上训练网络，看着损失下降、滤波器逐渐成形</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="97" />
            <source>Design</source>
            <translation>设计</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="98" />
            <source>Design your own network: blocks, channels, kernels, pooling, dense layers</source>
            <translation>设计你自己的网络：模块、通道、卷积核、池化、全连接层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="108" />
            <source>Test set</source>
            <translation>测试集</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/__init__.py" line="109" />
            <source>Accuracy on the 10,000 MNIST test digits, the confusion matrix and the mistakes</source>
            <translation>在 10,000 个 MNIST 测试数字上的准确率、混淆矩阵和分类错误</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="306" />
            <source>SmoothGrad σ = {s}</source>
            <translation>SmoothGrad σ = {s}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="307" />
            <source>SmoothGrad N = {n}</source>
            <translation>SmoothGrad N = {n}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="311" />
            <source>Draw a digit to see which pixels the network looks at.</source>
            <translation>写一个数字，看看网络在关注哪些像素。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="329" />
            <source>Gradient ∂z{c}/∂x</source>
            <translation>梯度 ∂z{c}/∂x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="330" />
            <source>plain saliency: one backward pass</source>
            <translation>普通显著图：一次反向传播</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="333" />
            <source>SmoothGrad</source>
            <translation>SmoothGrad</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="334" />
            <source>mean gradient over {n} noisy copies, σ = {s}</source>
            <translation>{n} 个加噪副本的平均梯度，σ = {s}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="339" />
            <source>Integrated Gradients</source>
            <translation>积分梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="340" />
            <source>Σ = {a}, z(x) − z(black) = {b} (off by {e}%)</source>
            <translation>Σ = {a}，z(x) − z(全黑) = {b}（相差 {e}%）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="347" />
            <source>Grad-CAM at {layer}</source>
            <translation>{layer} 处的 Grad-CAM</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="348" />
            <source>computed on {shape} maps, then enlarged</source>
            <translation>在 {shape} 的特征图上计算，再放大</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="350" />
            <source>{share}% on cells with no ink</source>
            <translation>{share}% 落在没有笔迹的格子上</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="353" />
            <source>{a} rather than {b}</source>
            <translation>是 {a} 而不是 {b}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="354" />
            <source>gradient of z{a} − z{b}</source>
            <translation>z{a} − z{b} 的梯度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="357" />
            <source>−dL/dx, label {y}</source>
            <translation>−dL/dx，标签 {y}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="358" />
            <source>red: more ink here lowers the loss</source>
            <translation>红色：这里多一些笔迹会降低损失</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="372" />
            <source>Explaining the score (logit) of class {c}.  Loss against label {y}: L = {L}</source>
            <translation>正在解释类别 {c} 的得分（logit）。  相对标签 {y} 的损失：L = {L}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="384" />
            <source>Why Integrated Gradients misses more here: on the way from black to this digit the score of {c} ranges from {low} to {high}. It travels {swing} in all for a net change of only {delta}, so large positive and negative parts cancel and a small error in them is a large share of the sum. More steps usually make it smaller.</source>
            <translation>为什么积分梯度在这里误差更大：从全黑图像到这个数字的路上，类别 {c} 的得分在 {low} 到 {high} 之间起伏。它一路上共变化了 {swing}，而净变化只有 {delta}，所以大的正负部分相互抵消，其中的小误差就占了总和的很大比例。步数越多，误差通常越小。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="403" />
            <source>Which pixels matter?</source>
            <translation>哪些像素重要？</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="404" />
            <source>Explain class</source>
            <translation>解释类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="405" />
            <source>The class whose score (logit) is explained; starts at the prediction</source>
            <translation>要解释其得分（logit）的类别；初始为预测的类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="406" />
            <source>True label</source>
            <translation>真实标签</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="407" />
            <source>The label of the loss L and of the map −dL/dx</source>
            <translation>损失 L 和 −dL/dx 图所用的标签</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="408" />
            <source>Over the digit</source>
            <translation>叠加在数字上</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="409" />
            <source>Draw each map over the digit (the ink shows as grey)</source>
            <translation>把每张图叠加在数字上显示（笔迹显示为灰色）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="410" />
            <source>Noise added to the digit for each SmoothGrad sample</source>
            <translation>每个 SmoothGrad 样本给数字加的噪声</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="411" />
            <source>How many noisy copies SmoothGrad averages</source>
            <translation>SmoothGrad 平均多少个加噪副本</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="412" />
            <source>IG steps</source>
            <translation>IG 步数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="414" />
            <source>Gradients taken on the path from black to the digit (more: smaller completeness error)</source>
            <translation>在从全黑图像到你的数字的路径上取梯度的次数（越多，完备性误差越小）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="416" />
            <source>Grad-CAM layer</source>
            <translation>Grad-CAM 层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="417" />
            <source>Grad-CAM weighs this layer's maps by their mean gradient</source>
            <translation>Grad-CAM 用这一层各特征图的平均梯度为其加权</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="418" />
            <source>Contrast with</source>
            <translation>对比类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="419" />
            <source>Class B of “A rather than B” (starts at the runner-up)</source>
            <translation>“是 A 而不是 B”中的类别 B（初始为第二名）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="421" />
            <source>Red: more ink there raises the score; blue: lowers it; white: no effect. Integrated Gradients add up to the change of the score from a black image to your digit (completeness; the line under the map shows how close the sum comes). Grad-CAM keeps only positive evidence and is as coarse as its layer.</source>
            <translation>红色：那里多一些笔迹会提高得分；蓝色：会降低得分；白色：没有影响。积分梯度的总和等于从全黑图像到你的数字时得分的变化（完备性；图下方的一行显示求和结果有多接近）。Grad-CAM 只保留正面的证据，精细程度与它所在的层相同。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/attribution.py" line="428" />
            <source>Why Grad-CAM can light up empty paper: it adds up the chosen layer's maps, each weighted by its mean gradient, and a map can be active where there is no ink. Over blank paper a first-layer map outputs ReLU(bias); a deeper map sees a larger patch (14×14 pixels at relu4), so it reacts to a stroke next to it. A lit background says these maps are active there and help the class (for a 7, the empty space under its bar), not that ink there would help.</source>
            <translation>为什么 Grad-CAM 会在空白处发亮：它把所选层的各张特征图按其平均梯度加权后相加，而特征图在没有笔迹的地方也可能被激活。在空白纸上，第一层的特征图输出 ReLU(偏置)；更深的特征图看到的区域更大（relu4 为 14×14 像素），所以会对旁边的笔画产生反应。背景发亮说明这些特征图在那里被激活并支持该类别（对 7 来说，是横杠下方的空白），而不是说在那里加笔迹会有帮助。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="267" />
            <source>Built a new, untrained network with {weights:,} weights. Train it in the training panel.</source>
            <translation>已构建一个新的、未经训练的网络，共 {weights:,} 个权重。请在训练面板中训练它。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="276" />
            <source>Design a network</source>
            <translation>设计网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="278" />
            <source>Choose the blocks of convolutions, the pooling and the dense layers. The table shows what each layer outputs and how many weights it learns, before anything is built.</source>
            <translation>选择卷积模块、池化和全连接层。在真正构建之前，表格就会显示每一层输出什么、要学习多少个权重。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="283" />
            <source>Start from:</source>
            <translation>起点：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="285" />
            <source>Tiny-VGG (the app's reference network)</source>
            <translation>Tiny-VGG（本程序的参考网络）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="286" />
            <source>Keras MNIST tutorial (seed 001)</source>
            <translation>Keras MNIST 教程（种子材料 001）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="287" />
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="290" />
            <location filename="../../explainer/gui/pages/playground.py" line="138" />
            <source>same</source>
            <translation>same</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="290" />
            <source>valid (none)</source>
            <translation>valid（不填充）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="290" />
            <source>pixels:</source>
            <translation>像素：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="292" />
            <source>max</source>
            <translation>最大</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="292" />
            <source>average</source>
            <translation>平均</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="292" />
            <location filename="../../explainer/gui/pages/design.py" line="324" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="297" />
            <source>Conv blocks</source>
            <translation>卷积模块数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="297" />
            <source>Each block: convolutions, then pooling</source>
            <translation>每个模块：先卷积，再池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="299" />
            <source>Convs per block</source>
            <translation>每个模块的卷积层数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="300" />
            <source>Convolutions (each with the activation) in a block</source>
            <translation>一个模块中卷积层的个数（每层都带激活函数）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="302" />
            <source>Channels</source>
            <translation>通道数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="302" />
            <source>Filters of the convolutions in each block</source>
            <translation>每个模块中卷积的滤波器个数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="303" />
            <location filename="../../explainer/gui/pages/playground.py" line="122" />
            <source>Kernel size</source>
            <translation>卷积核大小</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="303" />
            <source>Side of every square kernel</source>
            <translation>每个正方形卷积核的边长</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="305" />
            <location filename="../../explainer/gui/pages/playground.py" line="124" />
            <source>Padding</source>
            <translation>填充</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="306" />
            <source>Zeros around the input: 'same' keeps the size at stride 1, 'valid' adds none</source>
            <translation>输入四周补的 0：'same' 在步幅为 1 时保持尺寸不变，'valid' 不补</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="308" />
            <location filename="../../explainer/gui/pages/playground.py" line="126" />
            <source>Stride</source>
            <translation>步幅</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="308" />
            <source>Step of every convolution; 2 halves the size</source>
            <translation>每个卷积的步长；取 2 时尺寸减半</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="309" />
            <source>Pooling</source>
            <translation>池化</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="309" />
            <source>After each block: window side and step</source>
            <translation>每个模块之后：窗口边长和步长</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="310" />
            <source>Activation</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="310" />
            <source>After every convolution and hidden dense layer</source>
            <translation>放在每个卷积层和隐藏全连接层之后</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="312" />
            <source>Hidden dense layers</source>
            <translation>隐藏全连接层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="313" />
            <source>Units of each fully connected layer before the output</source>
            <translation>输出层之前每个全连接层的单元数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="316" />
            <source>Dropout</source>
            <translation>Dropout</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="317" />
            <source>Share of values dropped while training, after each hidden dense layer</source>
            <translation>训练时在每个隐藏全连接层之后丢弃的值所占的比例</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="319" />
            <location filename="../../explainer/gui/pages/training.py" line="371" />
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="319" />
            <source>Seeds the random initial weights</source>
            <translation>决定随机初始权重的种子</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="322" />
            <location filename="../../explainer/gui/pages/design.py" line="431" />
            <source>Filters in block {i}</source>
            <translation>模块 {i} 的滤波器数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="323" />
            <source>no conv blocks</source>
            <translation>没有卷积模块</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="325" />
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="325" />
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="325" />
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="325" />
            <source>What it does</source>
            <translation>作用</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="326" />
            <source>Build network</source>
            <translation>构建网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="327" />
            <source>Make this network with fresh random weights and use it</source>
            <translation>用全新的随机权重构建这个网络并使用它</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="462" />
            <source>the 28×28 digit, one grey channel</source>
            <translation>28×28 的数字，一个灰度通道</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="467" />
            <source>This network cannot be built: {reason}</source>
            <translation>无法构建这个网络：{reason}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/design.py" line="473" />
            <source>{layers} layers, {weights:,} weights to learn</source>
            <translation>{layers} 层，需要学习 {weights:,} 个权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="142" />
            <source>Computing on {data}…</source>
            <translation>正在用{data}计算…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="149" />
            <source>the given images</source>
            <translation>给定的图像</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="152" />
            <source>the {name} test set</source>
            <translation>{name} 测试集</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="153" />
            <source>the 100 bundled gallery samples (no data folder: choose one in Train or Test set to use the test set)</source>
            <translation>随附的 100 个图库样本（没有数据文件夹：在“训练”或“测试集”中选择一个即可使用测试集）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="167" />
            <source>Could not compute: {why}</source>
            <translation>无法计算：{why}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="207" />
            <source>Left: the {k} test images whose strongest {name} unit of channel {c} is highest (its value under each); the outlined patch is all that unit sees. Right: grey, changed by gradient ascent until channel {c}'s mean activation rose from {start} to {end}.</source>
            <translation>左：通道 {c} 在 {name} 中最强单元的值最高的 {k} 张测试图像（每张下方是该值）；框出的区域就是该单元能看到的全部。右：从灰色开始，经梯度上升修改，直到通道 {c} 的平均激活从 {start} 升到 {end}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="222" />
            <source>What each filter looks for</source>
            <translation>每个滤波器在找什么</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="224" />
            <source>Pick a conv layer and a channel (one filter). The test images that excite it most show what it responds to in real data; the synthesised image shows what it responds to when nothing else is there.</source>
            <translation>选择一个卷积层和一个通道（一个滤波器）。最能激活它的测试图像显示它在真实数据中对什么有反应；合成的图像显示在没有其他内容时它对什么有反应。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="230" />
            <source>channel </source>
            <translation>通道 </translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="231" />
            <source>Compute for this model</source>
            <translation>为此模型计算</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="232" />
            <source>Rank the test images and synthesise the inputs in the background</source>
            <translation>在后台为测试图像排序并合成输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="237" />
            <source>Not computed for this model yet: press “Compute for this model”.</source>
            <translation>尚未为此模型计算：请按“为此模型计算”。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="241" />
            <source>The bundled model's results, precomputed on {n} test images by {command}.</source>
            <translation>随附模型的结果，由 {command} 在 {n} 张测试图像上预先计算。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/filters.py" line="247" />
            <source>Computed for this model on {data} ({n} images).</source>
            <translation>已为此模型在{data}上计算（{n} 张图像）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="74" />
            <source>pixel ({i}, {j})</source>
            <translation>像素 ({i}, {j})</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="270" />
            <source>click pixels to check them</source>
            <translation>点击像素来检验它们</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="277" />
            <source>outlined: pixels in the table</source>
            <translation>框出的是表格中的像素</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="286" />
            <source>corner: slopes {l} | {r}</source>
            <translation>拐点：两侧斜率 {l} | {r}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="306" />
            <source>Largest relative error away from corners: &lt;b&gt;{e}&lt;/b&gt;</source>
            <translation>拐点之外的最大相对误差：&lt;b&gt;{e}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="314" />
            <source>&lt;p&gt;Back-propagation gives every dL/dθ in one backward pass. The backprop column is the trace every view shows, computed in {dtype}. The check nudges one number θ by ±ε and measures the loss of the same weights in float64: &lt;i&gt;(L(θ+ε) − L(θ−ε)) / 2ε&lt;/i&gt;, so rounding stays far below the difference. Relative error = |backprop − numeric| / max(|backprop|, |numeric|); below {good} the shown numbers are right to the precision of {dtype}.&lt;/p&gt;</source>
            <translation>&lt;p&gt;反向传播一次就给出所有 dL/dθ。“反向传播”一列就是各视图显示的追踪结果，以 {dtype} 计算。检验把一个数 θ 推动 ±ε，并用同一组权重在 float64 下测量损失：&lt;i&gt;(L(θ+ε) − L(θ−ε)) / 2ε&lt;/i&gt;，这样舍入误差远小于差值。相对误差 = |反向传播 − 数值| / max(|反向传播|, |数值|)；低于 {good} 时，显示的数字在 {dtype} 的精度内是正确的。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="320" />
            <source>&lt;p&gt;A &lt;b&gt;corner&lt;/b&gt; means a ReLU input or a max-pool tie sits within ±ε: the slope differs on the two sides, the derivative does not exist there, and backprop takes one side. A black background makes every pooling window there an exact tie, so nudging a pixel beside the stroke may break one; “break ties” checks the digit plus ±0.001 of fixed noise instead, so that the derivative exists (that input is then not quite the one the views show).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;拐点&lt;/b&gt;表示某个 ReLU 输入或最大池化的并列值落在 ±ε 之内：两侧斜率不同，该处导数不存在，反向传播取其中一侧。黑色背景使那里的每个池化窗口都完全并列，因此推动笔画旁边的像素可能打破并列；“打破并列”改为在数字上加 ±0.001 的固定噪声再检验，使导数存在（此时的输入与视图显示的略有不同）。&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="332" />
            <source>Gradient check: backprop vs. central differences</source>
            <translation>梯度检验：反向传播与中心差分对比</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="333" />
            <source>Label</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="334" />
            <source>The class the loss L is computed against</source>
            <translation>计算损失 L 所对照的类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="335" />
            <source>ε</source>
            <translation>ε</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="336" />
            <source>How far each number is nudged</source>
            <translation>每个数被挪动的幅度</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="337" />
            <source>Layer whose weights “Add weights” picks from</source>
            <translation>“添加权重”从哪一层中挑选权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="338" />
            <source>Add weights</source>
            <translation>添加权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="339" />
            <source>Check a few random weights of the chosen layer</source>
            <translation>检验所选层中随机挑选的几个权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="340" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="341" />
            <source>Break ties</source>
            <translation>打破并列</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="343" />
            <source>Check on the digit plus ±0.001 of fixed noise, so max-pool windows do not tie</source>
            <translation>在加了 ±0.001 固定噪声的数字上检验，使最大池化窗口不出现并列</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="346" />
            <source>number θ</source>
            <translation>数 θ</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="346" />
            <source>backprop dL/dθ</source>
            <translation>反向传播 dL/dθ</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="346" />
            <source>central difference</source>
            <translation>中心差分</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="346" />
            <source>relative error</source>
            <translation>相对误差</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/gradcheck.py" line="346" />
            <source>note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/job.py" line="59" />
            <source>Choose the folder that holds the MNIST files first.</source>
            <translation>请先选择存放 MNIST 文件的文件夹。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="274" />
            <source>Undone: the weights are back to what they were before that step.</source>
            <translation>已撤销：权重恢复到那一步之前的样子。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="282" />
            <source>Cannot reload the bundled model: {e}</source>
            <translation>无法重新加载自带的模型：{e}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="342" />
            <source>Draw a digit, say which digit it is, and teach the network.</source>
            <translation>写一个数字，告诉网络它是几，然后教教网络。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="347" />
            <source>Loss now: L = {L}</source>
            <translation>当前损失：L = {L}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="359" />
            <source>Loss: {a} → &lt;b&gt;{b}&lt;/b&gt; ({d})</source>
            <translation>损失：{a} → &lt;b&gt;{b}&lt;/b&gt;（{d}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="367" />
            <source>p({y}) went from {a} to {b}. Every weight moved by −lr · dL/dW, lr = {lr}.</source>
            <translation>p({y}) 从 {a} 变为 {b}。每个权重都移动了 −lr · dL/dW，lr = {lr}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="380" />
            <source>Δb: largest |change| {v}</source>
            <translation>Δb：最大 |变化| {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="383" />
            <source>ΔW {name}</source>
            <translation>ΔW {name}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="400" />
            <source>This step changed the model the whole window uses: on the {n} gallery digits it gets {a} → &lt;b&gt;{b}&lt;/b&gt; right.</source>
            <translation>这一步改变了整个窗口使用的模型：在 {n} 个示例数字上，正确率 {a} → &lt;b&gt;{b}&lt;/b&gt;。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="405" />
            <source>Undo or Model → Restore bundled model puts the old weights back.</source>
            <translation>“撤销”或“模型 → 恢复自带的模型”可以恢复原来的权重。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="425" />
            <source>feature maps now</source>
            <translation>当前的特征图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="432" />
            <source>before</source>
            <translation>之前</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="433" />
            <source>after</source>
            <translation>之后</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="434" />
            <source>after − before</source>
            <translation>之后 − 之前</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="443" />
            <source>It is a</source>
            <translation>它是</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="444" />
            <source>The true class of your drawing (starts at the network's guess)</source>
            <translation>你所写数字的真实类别（初始为网络的猜测）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="445" />
            <location filename="../../explainer/gui/pages/stepper.py" line="471" />
            <location filename="../../explainer/gui/pages/training.py" line="361" />
            <source>Learning rate</source>
            <translation>学习率</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="446" />
            <source>Step size: every weight moves by −lr · dL/dW</source>
            <translation>步长：每个权重移动 −lr · dL/dW</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="447" />
            <source>Apply one SGD step</source>
            <translation>执行一步 SGD</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="448" />
            <source>Compute dL/dW for this digit and label, and move every weight once</source>
            <translation>针对这个数字和标签计算 dL/dW，并把每个权重移动一次</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="450" />
            <source>Put back the weights from before the last step</source>
            <translation>恢复上一步之前的权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="451" />
            <source>Restore bundled model</source>
            <translation>恢复自带的模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="452" />
            <source>Reload the bundled trained model</source>
            <translation>重新加载自带的已训练模型</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="453" />
            <source>Probabilities before</source>
            <translation>之前的概率</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="454" />
            <source>after the step</source>
            <translation>这一步之后</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="455" />
            <source>How each layer's weights changed (ΔW = −lr · dL/dW)</source>
            <translation>各层权重的变化（ΔW = −lr · dL/dW）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/learn.py" line="456" />
            <source>Feature maps of</source>
            <translation>特征图：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="118" />
            <source>Playground: try your own convolution settings</source>
            <translation>试验场：试试你自己的卷积设置</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="120" />
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="121" />
            <source>Input size</source>
            <translation>输入尺寸</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="123" />
            <source>Kernel</source>
            <translation>卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="131" />
            <source>your digit</source>
            <translation>你写的数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="132" />
            <source>0/1 grid of the tutorial</source>
            <translation>教程中的 0/1 网格</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="133" />
            <source>X (tutorial)</source>
            <translation>X（教程）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="134" />
            <source>vertical edges</source>
            <translation>竖直边缘</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="135" />
            <source>horizontal edges</source>
            <translation>水平边缘</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="136" />
            <source>blur</source>
            <translation>模糊</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="137" />
            <source>valid (no padding)</source>
            <translation>valid（不填充）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="139" />
            <source>number</source>
            <translation>指定数值</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/playground.py" line="226" />
            <source>(H + 2P − K) / S + 1  =  no output</source>
            <translation>(H + 2P − K) / S + 1  =  没有输出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="50" />
            <source>Forward</source>
            <translation>前向</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="51" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="52" />
            <source>Backward</source>
            <translation>反向</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="53" />
            <source>Update</source>
            <translation>更新</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="104" />
            <location filename="../../explainer/gui/pages/stepper.py" line="123" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="309" />
            <source>Draw a digit to step through a training step.</source>
            <translation>写一个数字，逐步查看一次训练。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="343" />
            <source>{i} of {n}</source>
            <translation>第 {i} 个，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="347" />
            <source>loss L = {v}</source>
            <translation>损失 L = {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="349" />
            <source>loss: not yet computed</source>
            <translation>损失：尚未计算</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="351" />
            <source>stage {i} of {n}</source>
            <translation>第 {i} 个阶段，共 {n} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="364" />
            <source>input x</source>
            <translation>输入 x</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="364" />
            <source>output y</source>
            <translation>输出 y</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="368" />
            <source>weights W</source>
            <translation>权重 W</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="374" />
            <source>logits z</source>
            <translation>logits z</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="382" />
            <source>label y (one-hot, class {y})</source>
            <translation>标签 y（one-hot，类别 {y}）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="390" />
            <source>dL/dy (arrives)</source>
            <translation>dL/dy（传入）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="394" />
            <source>dL/dW</source>
            <translation>dL/dW</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="396" />
            <source>laid out like W; dL/db: largest |value| {v}</source>
            <translation>排列方式与 W 相同；dL/db：最大 |值| {v}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="401" />
            <source>dL/dx (sent back)</source>
            <translation>dL/dx（传回）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="406" />
            <source>W before</source>
            <translation>更新前的 W</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="407" />
            <source>ΔW = −lr · dL/dW</source>
            <translation>ΔW = −lr · dL/dW</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="408" />
            <source>W after</source>
            <translation>更新后的 W</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="414" />
            <source>row o, column c: the kernel from input map c to output map o</source>
            <translation>第 o 行、第 c 列：从输入特征图 c 到输出特征图 o 的卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="416" />
            <source>one kernel per output map</source>
            <translation>每张输出特征图一个卷积核</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="422" />
            <source>row k: the weights into class k, one map per input map</source>
            <translation>第 k 行：通向类别 k 的权重，每张输入特征图一张图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="423" />
            <source>rows: outputs, columns: inputs</source>
            <translation>行：输出，列：输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="434" />
            <source>p = softmax(z);  L = −log p[y] = −log {p} = &lt;b&gt;{L}&lt;/b&gt;;  dL/dz = p − y</source>
            <translation>p = softmax(z)；  L = −log p[y] = −log {p} = &lt;b&gt;{L}&lt;/b&gt;；  dL/dz = p − y</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="438" />
            <source>The network is already sure of this label, so every gradient below is tiny; pick another label to see a big correction.</source>
            <translation>网络对这个标签已经很有把握，所以下面的梯度都很小；换一个标签，就能看到大幅度的修正。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="447" />
            <source>W ← W − lr · dL/dW with lr = {lr}: the largest weight change is &lt;b&gt;{d}&lt;/b&gt;.</source>
            <translation>W ← W − lr · dL/dW，其中 lr = {lr}：权重的最大变化为 &lt;b&gt;{d}&lt;/b&gt;。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="468" />
            <source>One training step, stage by stage</source>
            <translation>一次训练，逐个阶段</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="469" />
            <source>True label y</source>
            <translation>真实标签 y</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="470" />
            <source>The class the loss compares with (default: the predicted class)</source>
            <translation>损失用来对比的类别（默认：预测的类别）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="472" />
            <source>Step size of the update: W ← W − lr · dL/dW</source>
            <translation>更新的步长：W ← W − lr · dL/dW</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="473" />
            <source>Show the numbers…</source>
            <translation>显示数值…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/stepper.py" line="475" />
            <source>Open this layer's backward pass with every number (backward stages)</source>
            <translation>打开这一层的反向传播，查看每一个数值（仅限反向阶段）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="277" />
            <source>Press Evaluate to classify the 10,000 test digits.</source>
            <translation>按“评估”对 10,000 个测试数字进行分类。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="323" />
            <source>predicted class</source>
            <translation>预测类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="329" />
            <source>true class</source>
            <translation>真实类别</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="344" />
            <source>right</source>
            <translation>正确</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="432" />
            <source>Test digit #{index}: truly {label}, the network said {predicted} ({confidence:.0%} sure). Click to open it in the explainer.</source>
            <translation>测试数字 #{index}：实际是 {label}，网络认为是 {predicted}（把握 {confidence:.0%}）。点击即可在讲解视图中打开。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="475" />
            <source>These results are for the previous network. Press Evaluate to update them.</source>
            <translation>这些结果属于之前的网络。按“评估”进行更新。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="504" />
            <source>loading the test set…</source>
            <translation>正在加载测试集…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="505" />
            <source>Classifying the test digits…</source>
            <translation>正在对测试数字进行分类…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="525" />
            <source>Misclassified: {count:,}, the most confident mistakes first</source>
            <translation>分类错误：{count:,} 个，最有把握的错误排在前面</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="529" />
            <source>Class {label} classified correctly: {count:,} (only mistakes are listed)</source>
            <translation>类别 {label} 分类正确：{count:,} 个（只列出错误）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="533" />
            <source>True class {label}, predicted {predicted}: {count:,}</source>
            <translation>真实类别 {label}，预测为 {predicted}：{count:,} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="555" />
            <source>Test the network</source>
            <translation>测试网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="557" />
            <source>Classify the 10,000 MNIST test digits, which the network never saw while training. Each row of the matrix is a true class, each column the class the network chose. Click a cell to see its digits, and a digit to open it in the explainer.</source>
            <translation>对 10,000 个 MNIST 测试数字分类，这些数字网络在训练时从未见过。矩阵的每一行是一个真实类别，每一列是网络选择的类别。点击一个格子查看其中的数字，再点击一个数字即可在讲解视图中打开它。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="564" />
            <source>Evaluate</source>
            <translation>评估</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="565" />
            <source>Classify every test digit with the current network</source>
            <translation>用当前网络对每个测试数字分类</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="566" />
            <location filename="../../explainer/gui/pages/training.py" line="381" />
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="567" />
            <source>All mistakes</source>
            <translation>全部错误</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="568" />
            <source>List every misclassified digit again</source>
            <translation>重新列出所有分类错误的数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="629" />
            <source>{done:,} of {total:,} digits</source>
            <translation>已完成 {done:,} / {total:,} 个数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="633" />
            <source>Evaluation failed: {message}</source>
            <translation>评估失败：{message}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="642" />
            <source>{total:,} digits</source>
            <translation>{total:,} 个数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="645" />
            <source>{accuracy:.2%} right: {right:,} of {total:,} test digits, {wrong:,} wrong</source>
            <translation>正确率 {accuracy:.2%}：{total:,} 个测试数字中对了 {right:,} 个，错了 {wrong:,} 个</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/testset.py" line="653" />
            <source>Stopped; the results shown are from before.</source>
            <translation>已停止；显示的是之前的结果。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="118" />
            <source>Folder with the MNIST files</source>
            <translation>存放 MNIST 文件的文件夹</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="127" />
            <source>none chosen</source>
            <translation>尚未选择</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="135" />
            <source>MNIST folder:</source>
            <translation>MNIST 文件夹：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="136" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="138" />
            <source>The folder with train-images-idx3-ubyte.gz and the three other MNIST files</source>
            <translation>包含 train-images-idx3-ubyte.gz 及另外三个 MNIST 文件的文件夹</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="240" />
            <source>No network to train.</source>
            <translation>没有可以训练的网络。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="243" />
            <source>Trains the current network: {layers} layers, {weights:,} weights.</source>
            <translation>训练当前网络：{layers} 层，{weights:,} 个权重。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="314" />
            <source>loading the data…</source>
            <translation>正在加载数据…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="314" />
            <location filename="../../explainer/gui/pages/training.py" line="336" />
            <source>Training…</source>
            <translation>正在训练…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="326" />
            <source>Paused. Resume goes on from here.</source>
            <translation>已暂停。“继续”会从这里接着训练。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="343" />
            <source>Stopping after this step…</source>
            <translation>这一步结束后停止…</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="347" />
            <source>Train the network</source>
            <translation>训练网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="349" />
            <source>Watch a network learn: the loss falls, the accuracy rises, and every few steps the overview and the kernels show the filters as they form. The last 5,000 MNIST training images are kept aside to measure the validation accuracy after each epoch.</source>
            <translation>看着网络学习：损失下降，准确率上升，每隔几步，总览图和卷积核就会显示正在成形的滤波器。MNIST 训练集的最后 5,000 张图片被留出来，在每轮结束后测量验证准确率。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="356" />
            <source>Adam</source>
            <translation>Adam</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="356" />
            <source>SGD with momentum</source>
            <translation>带动量的 SGD</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="359" />
            <source>Optimizer</source>
            <translation>优化器</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="359" />
            <source>How the gradients change the weights</source>
            <translation>梯度如何改变权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="362" />
            <source>Size of each step at the start; it decays to zero over the run (cosine schedule)</source>
            <translation>开始时每一步的步长；它会在训练过程中逐渐衰减到零（余弦调度）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="364" />
            <source>Batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="364" />
            <source>Images per step: the gradient is averaged over them</source>
            <translation>每一步用的图片数：梯度取它们的平均</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="365" />
            <source>Epochs</source>
            <translation>轮数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="365" />
            <source>Passes over the training images</source>
            <translation>遍历训练图片的次数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="366" />
            <source>Training images</source>
            <translation>训练图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="366" />
            <source>How many MNIST training images one epoch uses</source>
            <translation>每一轮使用多少张 MNIST 训练图片</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="368" />
            <source>Refresh every</source>
            <translation>刷新间隔</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="369" />
            <source>Show the network's current weights every this-many steps</source>
            <translation>每隔这么多步显示一次网络当前的权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="371" />
            <source>Seeds the order of the images and the augmentation</source>
            <translation>决定图片顺序和数据增强的随机种子</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="374" />
            <source> steps</source>
            <translation> 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="375" />
            <source>Augment (rotate, scale, shift, thicken)</source>
            <translation>数据增强（旋转、缩放、平移、加粗）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="377" />
            <source>Random changes to every training image so the network copes with digits drawn by hand</source>
            <translation>对每张训练图片做随机变化，让网络能应付手写的数字</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="379" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="380" />
            <source>Train the current network from its current weights</source>
            <translation>从当前权重开始训练当前网络</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="382" />
            <source>End after this step and keep the weights</source>
            <translation>在这一步之后结束，并保留权重</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="495" />
            <source>Loss (cross-entropy)</source>
            <translation>损失（交叉熵）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="496" />
            <source>Accuracy (%)</source>
            <translation>准确率（%）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="498" />
            <source>epoch</source>
            <translation>轮</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="500" />
            <source>each batch</source>
            <translation>每一批</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="501" />
            <source>moving average</source>
            <translation>滑动平均</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="502" />
            <source>training batches (moving average)</source>
            <translation>训练批次（滑动平均）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="503" />
            <source>validation, after each epoch</source>
            <translation>验证集，每轮之后</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="563" />
            <source>epoch {epoch}/{epochs} · step {step:,}/{total:,}</source>
            <translation>第 {epoch}/{epochs} 轮 · 第 {step:,}/{total:,} 步</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="572" />
            <source> · about {time} left</source>
            <translation> · 大约还剩 {time}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="573" />
            <source>{rate:,.0f} images/s · {elapsed} elapsed{eta}</source>
            <translation>{rate:,.0f} 张图片/秒 · 已用 {elapsed}{eta}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="580" />
            <source> · loss of the last batch {loss:.3f}, moving average {average:.3f}</source>
            <translation> · 最近一批的损失 {loss:.3f}，滑动平均 {average:.3f}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="584" />
            <source> · loss of the last batch {loss:.3f}</source>
            <translation> · 最近一批的损失 {loss:.3f}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="586" />
            <source> · mean loss of epoch {epoch} {loss:.3f}</source>
            <translation> · 第 {epoch} 轮的平均损失 {loss:.3f}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="590" />
            <source> · validation accuracy {accuracy:.1%}</source>
            <translation> · 验证准确率 {accuracy:.1%}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="604" />
            <location filename="../../explainer/gui/pages/training.py" line="625" />
            <source>Training failed: {message}</source>
            <translation>训练失败：{message}</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="620" />
            <source> The network keeps the weights shown at step {step:,}.</source>
            <translation>网络保留第 {step:,} 步时显示的权重。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="622" />
            <source> The network is unchanged.</source>
            <translation>网络没有改变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="629" />
            <source>Stopped after step {step:,}; the network keeps the weights of that step.</source>
            <translation>在第 {step:,} 步之后停止；网络保留那一步的权重。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="633" />
            <source>Stopped before the first step; the network is unchanged.</source>
            <translation>在第一步之前就停止了；网络没有改变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="637" />
            <source>Done: {step:,} steps. The network keeps its best epoch (validation accuracy {accuracy:.2%}).</source>
            <translation>完成：共 {step:,} 步。网络保留表现最好的那一轮（验证准确率 {accuracy:.2%}）。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="701" />
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="701" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="703" />
            <source>Go on training</source>
            <translation>继续训练</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/pages/training.py" line="703" />
            <source>Hold after this step; the thread sleeps meanwhile</source>
            <translation>在这一步之后暂停；期间线程处于休眠</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/state.py" line="382" />
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
            <source>Pick a class or type its digit; "predicted" follows what the network answers</source>
            <translation>选择一个类别或输入它的数字；“预测类别”会跟随网络的答案</translation>
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
            <location filename="../../explainer/gui/tour/panel.py" line="235" />
            <source>&amp;Learn mode: a guided tour</source>
            <translation>学习模式：分步导览(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="237" />
            <source>Walk through one forward and backward pass on your digit, stop by stop (F2)</source>
            <translation>在你的数字上，一站一站地走完一次前向传播和反向传播（F2）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="240" />
            <source>True label y:</source>
            <translation>真实标签 y：</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="241" />
            <source>The class your digit really is; the loss and gradients follow it</source>
            <translation>你的数字实际所属的类别；损失和梯度都以它为准</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="242" />
            <source>Start over</source>
            <translation>从头开始</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="243" />
            <source>Go back to the first stop</source>
            <translation>回到第一站</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="244" />
            <source>◀ Back</source>
            <translation>◀ 上一站</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="245" />
            <source>Previous stop (Left or Page Up)</source>
            <translation>上一站（← 或 Page Up）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="246" />
            <source>Leave</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="247" />
            <source>Leave the tour; it resumes at this stop next time (Esc)</source>
            <translation>退出导览；下次会从这一站继续（Esc）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="250" />
            <location filename="../../explainer/gui/tour/panel.py" line="294" />
            <location filename="../../explainer/gui/tour/panel.py" line="327" />
            <source>Learn mode</source>
            <translation>学习模式</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="289" />
            <source>Finish</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="289" />
            <source>Next ▶</source>
            <translation>下一站 ▶</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="291" />
            <source>End the tour (Right or Page Down)</source>
            <translation>结束导览（→ 或 Page Down）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="291" />
            <source>Next stop (Right or Page Down)</source>
            <translation>下一站（→ 或 Page Down）</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/panel.py" line="299" />
            <source>Stop {i} of {n}</source>
            <translation>第 {i} 站，共 {n} 站</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="122" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="264" />
            <source>The canvas was empty, so the tour put a test digit labelled {label} on it. The network reads it as {guess} with probability {p}. Draw your own digit at any time: every stop follows it.</source>
            <translation>画布是空的，所以导览在上面放了一个标签为 {label} 的测试数字。网络把它认作 {guess}，概率为 {p}。你随时可以写自己的数字：每一站都会跟着它更新。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="269" />
            <source>Everything starts with your drawing: white ink on black, like the MNIST digits the network learned from. It reads your digit as {guess} with probability {p}. Keep drawing at any time: every stop follows the new digit.</source>
            <translation>一切从你的手写开始：黑底白字，和网络学习时用的 MNIST 数字一样。网络把你的数字认作 {guess}，概率为 {p}。你随时可以继续书写：每一站都会跟着新的数字更新。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="282" />
            <source>The canvas is cropped to the digit, scaled to fit 20×20 pixels and centred in a 28×28 image, like the MNIST digits: {n} numbers from 0 (black) to 1 (white). {ink} of them carry ink; the brightest is {brightest}.</source>
            <translation>画布被裁剪到数字所在的区域，缩放到 20×20 像素以内，再居中放进 28×28 的图像，与 MNIST 数字的做法相同：共 {n} 个数，从 0（黑）到 1（白）。其中 {ink} 个带有笔迹，最亮的是 {brightest}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="288" />
            <source>This network takes the pixel values just as they are.</source>
            <translation>这个网络直接使用原始像素值。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="295" />
            <source>Before the first layer every pixel is normalised, x′ = (x − {mean}) / {std}, so black enters as {black}.</source>
            <translation>进入第一层之前，每个像素都要标准化：x′ = (x − {mean}) / {std}，因此黑色像素以 {black} 的值进入网络。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="302" />
            <source>The 28×28 input</source>
            <translation>28×28 的输入</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="320" />
            <source>{layer} slides {count} small kernels over the image, each a {k}×{k} grid of weights. Here kernel {c} sits at row {r}, column {col}: each of the {kk} values under it is multiplied by the weight on top of it. This {window} window sums to {s}, plus bias {b} gives {v}, one pixel of output map {c}.</source>
            <translation>{layer} 让 {count} 个小卷积核在图像上滑动，每个卷积核是一个 {k}×{k} 的权重网格。此刻卷积核 {c} 位于第 {r} 行、第 {col} 列：它下方的 {kk} 个值各自乘以覆盖在上面的权重。这个 {window} 窗口的乘积之和为 {s}，加上偏置 {b} 得到 {v}，这就是输出特征图 {c} 上的一个像素。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="329" />
            <source>One kernel slides over the image</source>
            <translation>一个卷积核在图像上滑动</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="339" />
            <source>Sliding each of the {n} kernels over every position gives {n} feature maps of {size}, one per kernel: each lights up where its pattern appears (red positive, blue negative, white zero). Map {c} ranges from {low} to {high}; its strongest response is at row {r}, column {col}, where the kernel sat at the previous stop.</source>
            <translation>让 {n} 个卷积核分别滑过每一个位置，就得到 {n} 张 {size} 的特征图，每个卷积核一张：哪里出现了它的图案，哪里就亮起来（红色为正，蓝色为负，白色为零）。特征图 {c} 的取值从 {low} 到 {high}；最强的响应在第 {r} 行、第 {col} 列，正是上一站卷积核所在的位置。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="346" />
            <source>{layer}: the feature maps</source>
            <translation>{layer}：特征图</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="368" />
            <source>ReLU: negatives become zero</source>
            <translation>ReLU：负数变成零</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="369" />
            <source>{layer} applies ReLU(x) = max(0, x) to every value of every map: positive values pass unchanged, negative ones become 0. Across all its maps, {neg} of {total} values ({share}) were negative. The most negative one in map {c}, {x} at row {r}, column {col}, is now {y}. Without this bend, all the layers together could only compute one linear function.</source>
            <translation>{layer} 对每张特征图的每个值都施加 ReLU(x) = max(0, x)：正值原样通过，负值变成 0。在它的全部特征图中，{total} 个值里有 {neg} 个（{share}）是负的。特征图 {c} 中最小的值，即第 {r} 行、第 {col} 列的 {x}，现在变成了 {y}。如果没有这个弯折，所有层合在一起也只能计算一个线性函数。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="376" />
            <source>The activation function</source>
            <translation>激活函数</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="377" />
            <source>{layer} bends every value of every map with the same function, so that the layers together can compute more than one linear function. Across all its maps, {neg} of {total} values ({share}) came in negative. The smallest one in map {c}, {x} at row {r}, column {col}, comes out as {y}.</source>
            <translation>{layer} 用同一个函数把每张特征图的每个值“弯折”一下，这样各层合起来才能计算比线性函数更复杂的东西。在它的全部特征图中，输入的 {total} 个值里有 {neg} 个（{share}）是负的。特征图 {c} 中最小的值，即第 {r} 行、第 {col} 列的 {x}，输出为 {y}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="411" />
            <source>First {names} repeat convolution and activation on these maps.</source>
            <translation>先由 {names} 在这些特征图上再做一次卷积和激活。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="413" />
            <source>First the maps pass through {names}.</source>
            <translation>特征图先经过 {names}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="415" />
            <source>Then {layer} cuts every map into {size}×{size} windows and keeps only the largest value of each, so the maps shrink from {before} to {after}. In map {c}, the window at row {r}, column {col} holds {values}: {v} goes on. The strongest responses survive, and a slightly shifted digit gives almost the same result.</source>
            <translation>接着 {layer} 把每张特征图切成 {size}×{size} 的窗口，每个窗口只保留最大值，于是特征图从 {before} 缩小到 {after}。在特征图 {c} 中，第 {r} 行、第 {col} 列的窗口里是 {values}：{v} 被保留下来。最强的响应得以保留，数字稍微移动一点，结果也几乎不变。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="422" />
            <source>Then {layer} cuts every map into {size}×{size} windows and keeps the average of each, so the maps shrink from {before} to {after}. In map {c}, the window at row {r}, column {col} holds {values}: their average {v} goes on.</source>
            <translation>接着 {layer} 把每张特征图切成 {size}×{size} 的窗口，每个窗口只保留平均值，于是特征图从 {before} 缩小到 {after}。在特征图 {c} 中，第 {r} 行、第 {col} 列的窗口里是 {values}：它们的平均值 {v} 被保留下来。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="430" />
            <source>Pooling: smaller maps</source>
            <translation>池化：特征图变小</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="444" />
            <source>Then come {names}. The maps change from {before} to {after}: smaller, but more abstract.</source>
            <translation>接下来是 {names}。特征图从 {before} 变为 {after}：更小，但更抽象。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="445" />
            <source>Deeper layers</source>
            <translation>更深的层</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="453" />
            <source>The same pattern repeats: {names}. Each kernel of {conv} reads all {c_in} maps below it at once, {c_in}×{k}×{k} = {weights} weights per output pixel, so it can combine strokes into larger parts of a digit: in map {c} at row {r}, column {col} the window sums to {s}, plus bias {b} gives {v}. Along the way the maps go from {before} to {after}: smaller, but more of them.</source>
            <translation>同样的模式再重复一遍：{names}。{conv} 的每个卷积核同时读取下面全部 {c_in} 张特征图，每个输出像素用到 {c_in}×{k}×{k} = {weights} 个权重，因此能把笔画组合成数字中更大的部件：在特征图 {c} 的第 {r} 行、第 {col} 列，窗口之和为 {s}，加上偏置 {b} 得到 {v}。一路下来，特征图从 {before} 变为 {after}：尺寸更小，数量更多。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="460" />
            <source>Deeper layers: from strokes to parts</source>
            <translation>更深的层：从笔画到部件</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="479" />
            <source>{flatten} lays the {maps} numbers of the last maps out in one row of {n} values: nothing is lost, only rearranged.</source>
            <translation>{flatten} 把最后几张特征图的 {maps} 个数排成一行，共 {n} 个值：什么都没丢，只是换了排列方式。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="483" />
            <source>{dense} gives every class a score from all {n} values, one weight per value and class plus a bias: z_k = Σ_i x_i·W_ik + b_k. Class {name} gets z = {z}, the highest of the {classes} scores.</source>
            <translation>{dense} 用全部 {n} 个值为每个类别算出一个得分，每个值对每个类别各有一个权重，再加上一个偏置：z_k = Σ_i x_i·W_ik + b_k。类别 {name} 得到 z = {z}，是 {classes} 个得分中最高的。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="489" />
            <source>Flatten and dense: one score per class</source>
            <translation>展平与全连接：每个类别一个得分</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="503" />
            <source>Softmax turns the scores into probabilities, positive and adding up to 1: p_k = exp(z_k) / Σ_j exp(z_j). For class {name}, exp({z}) = {e} out of a total of {total}, so p = {p}. The answer is the class with the largest probability: {name}.</source>
            <translation>Softmax 把得分变成概率，它们都是正数，且总和为 1：p_k = exp(z_k) / Σ_j exp(z_j)。对类别 {name}，exp({z}) = {e}，而总和为 {total}，所以 p = {p}。网络的答案就是概率最大的类别：{name}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="524" />
            <source>To learn, the network needs the true answer: this test digit is labelled y = {y}. Pick another label below to see how the loss reacts.</source>
            <translation>要学习，网络需要知道正确答案：这个测试数字的标签是 y = {y}。在下方选择另一个标签，看看损失会怎样变化。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="529" />
            <source>To learn, the network needs the true answer y. The tour takes its own answer, y = {y}; pick another label below to see what changes.</source>
            <translation>要学习，网络需要知道正确答案 y。导览暂且把网络自己的答案当作标签，y = {y}；在下方选择另一个标签，看看会有什么变化。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="535" />
            <source>The cross-entropy loss punishes a low probability for the true class: L = −ln p_y = −ln {p} = {L}. A sure and correct answer would give L = 0.</source>
            <translation>交叉熵损失会惩罚正确类别上过低的概率：L = −ln p_y = −ln {p} = {L}。一个既确定又正确的答案会得到 L = 0。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="542" />
            <source>The loss: how wrong was the answer?</source>
            <translation>损失：答案错得有多离谱？</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="561" />
            <source>Back-propagation applies the chain rule from the loss back to the input, one layer at a time. It starts at the scores with dL/dz_k = p_k − y_k: for the true class {y} that is {p} − 1 = {d}. The maps now show dL/d(output) of every layer: red where a larger value would raise the loss, blue where it would lower it. At the input, pixel (row {r}, column {col}) has the largest gradient, {g}.</source>
            <translation>反向传播运用链式法则，从损失出发一层一层地往回算，直到输入。它从得分开始：dL/dz_k = p_k − y_k，对正确类别 {y} 来说就是 {p} − 1 = {d}。现在特征图显示的是每一层的 dL/d(输出)：红色表示该值变大会让损失上升，蓝色表示会让损失下降。在输入上，像素（第 {r} 行、第 {col} 列）的梯度最大，为 {g}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="572" />
            <source>Gradients flow back</source>
            <translation>梯度反向流动</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="601" />
            <source>After this one step the loss for your digit drops from {before} to {after}, and p({y}) goes from {pb} to {pa}.</source>
            <translation>只走这一步，你这个数字的损失就从 {before} 降到了 {after}，p({y}) 从 {pb} 变为 {pa}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="606" />
            <source>After this one step the loss for your digit goes from {before} to {after} (the step was too large and overshot), and p({y}) goes from {pb} to {pa}.</source>
            <translation>走完这一步，你这个数字的损失从 {before} 变为 {after}（步子太大，走过头了），p({y}) 从 {pb} 变为 {pa}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="611" />
            <source>Gradient descent moves every weight a little against its gradient: W ← W − lr · dL/dW, with lr = {lr}.</source>
            <translation>梯度下降让每个权重沿着梯度的反方向移动一小步：W ← W − lr · dL/dW，其中 lr = {lr}。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="616" />
            <source>The largest change of a single weight, {dw}, is in {layer}. The tour works on a copy: your network stays as it was.</source>
            <translation>单个权重的最大变化为 {dw}，出现在 {layer}。导览是在副本上操作的：你的网络保持原样。</translation>
        </message>
        <message>
            <location filename="../../explainer/gui/tour/stops.py" line="624" />
            <source>One SGD step: what changed</source>
            <translation>一步 SGD：有什么变化</translation>
        </message>
        <message>
            <location filename="../../explainer/imageio.py" line="64" />
            <source>{path}: file too large for an image ({size} bytes)</source>
            <translation>{path}：文件太大，不像是图像（{size} 字节）</translation>
        </message>
        <message>
            <location filename="../../explainer/imageio.py" line="70" />
            <source>{path}: empty file, not an image</source>
            <translation>{path}：空文件，不是图像</translation>
        </message>
        <message>
            <location filename="../../explainer/imageio.py" line="97" />
            <source>{path}: not an image in a format Qt can read</source>
            <translation>{path}：不是 Qt 能读取的图像格式</translation>
        </message>
        <message>
            <location filename="../../explainer/imageio.py" line="124" />
            <source>{path}: cannot decode image ({reason})</source>
            <translation>{path}：无法解码图像（{reason}）</translation>
        </message>
        <message>
            <location filename="../../explainer/imageio.py" line="183" />
            <source>{path}: truncated image file (ends before the image data does)</source>
            <translation>{path}：图像文件不完整（在图像数据结束之前就中断了）</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="119" />
            <source>model file {path} is not a readable .npz archive; it may be truncated or damaged ({reason})</source>
            <translation>模型文件 {path} 不是可读的 .npz 压缩包；它可能不完整或已损坏（{reason}）</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="144" />
            <source>model file {path} {problem}</source>
            <translation>模型文件 {path} 有问题：{problem}</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="166" />
            <source>model file {path} is empty</source>
            <translation>模型文件 {path} 是空的</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="171" />
            <source>model file {path} is not an .npz (zip) archive; it may be another kind of file or random bytes</source>
            <translation>模型文件 {path} 不是 .npz（zip）压缩包；它可能是别的文件或随机字节</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="194" />
            <source>model file {path} has no 'config' entry; it is an .npz, but not a saved model</source>
            <translation>模型文件 {path} 没有 'config' 项；它是 .npz 文件，但不是保存的模型</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="217" />
            <source>model file {path} array {name} holds pickled Python objects, which are never loaded</source>
            <translation>模型文件 {path} 的数组 {name} 含有 pickle 序列化的 Python 对象，本应用从不加载这类对象</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="265" />
            <source>model file {path} weight {name} has shape {shape} but the architecture needs {needed}</source>
            <translation>模型文件 {path} 的权重 {name} 形状为 {shape}，但网络结构需要 {needed}</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="274" />
            <source>model file {path} weight {name} contains NaN or infinite values</source>
            <translation>模型文件 {path} 的权重 {name} 含有 NaN 或无穷大</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="289" />
            <source>model file {path} has no 'format' field; it was not saved by this app ({format})</source>
            <translation>模型文件 {path} 没有 'format' 字段；它不是由本应用保存的（{format}）</translation>
        </message>
        <message>
            <location filename="../../explainer/modelio.py" line="425" />
            <source>model file {path} gives NaN or infinite outputs for an input of all {value}s</source>
            <translation>模型文件 {path} 对全为 {value} 的输入给出 NaN 或无穷大的输出</translation>
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
