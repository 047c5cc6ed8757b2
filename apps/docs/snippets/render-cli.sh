# attn-viz, @attn/viz's command line, renders any Vega-Lite spec file.
attn-viz render head.vl.json -o head-cli.svg
attn-viz render head.vl.json -o head-cli.png --scale 2
attn-viz render head.vl.json -o head-cli.html
