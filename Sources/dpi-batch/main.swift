print("dpi-batch")
