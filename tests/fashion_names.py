"""The Fashion-MNIST class names in label order, as the data set's authors give them: written out here,
not imported from explainer.data, so that the tests check the public contract against its own text."""

CLASSES = [
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
]
