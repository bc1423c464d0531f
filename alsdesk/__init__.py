"""alsdesk: care coordination for an ALS / motor neuron disease clinic."""

__version__ = "0.1.0"
