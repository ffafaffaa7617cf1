// Measures the contrast of the text in links and buttons as the browser paints them right now
// (hovered, focused): window.contrastProbe.mark() picks one element per style, measure(i, state) reads it.
window.contrastProbe = (() => {
  const INTERACTIVE = 'a[href], button, input[type="submit"], input[type="button"], summary';

  function rgba(css) {
    const numbers = css.match(/[\d.]+/g).map(Number);
    return { r: numbers[0], g: numbers[1], b: numbers[2], a: numbers.length > 3 ? numbers[3] : 1 };
  }

  function over(top, bottom) {
    const a = top.a + bottom.a * (1 - top.a);
    const mix = (channel) => (top[channel] * top.a + bottom[channel] * bottom.a * (1 - top.a)) / a;
    return { r: mix("r"), g: mix("g"), b: mix("b"), a };
  }

  // The colour behind an element: its own background over each ancestor's, down to the first opaque one.
  function backgroundOf(element) {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour.a > 0) layers.push(colour);
      if (colour.a >= 1) break;
    }
    return layers.reduceRight((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
  }

  function luminance({ r, g, b }) {
    const linear = (value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  }

  function ratio(foreground, background) {
    const [light, dark] = [luminance(foreground), luminance(background)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  }

  // WCAG "large text": at least 18pt (24px), or 14pt (18.66px) and bold.
  function isLarge(style) {
    const size = parseFloat(style.fontSize);
    return size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  }

  // What decides an element's look: its tag, classes and state attributes, and those of its ancestors.
  function signature(element) {
    const parts = [];
    for (let node = element; node && node !== document.documentElement; node = node.parentElement) {
      let part = node.tagName.toLowerCase() + [...node.classList].sort().map((name) => "." + name).join("");
      if (node.hasAttribute("aria-current")) part += "[aria-current]";
      parts.push(part);
    }
    return parts.join(" < ");
  }

  function shown(element) {
    const box = element.getBoundingClientRect();
    return (
      box.width > 1 && box.height > 1 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    );
  }

  // Every element inside `element` (itself included) that directly holds visible text.
  function textHolders(element) {
    const holders = new Set();
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (text.textContent.trim() && shown(text.parentElement)) holders.add(text.parentElement);
    }
    if (element.matches("input")) holders.add(element);
    return [...holders];
  }

  const probes = [];

  return {
    // One element per signature, not inside aria-hidden; returns [{index, signature, hoverable}].
    mark() {
      const seen = new Set();
      for (const element of document.querySelectorAll(INTERACTIVE)) {
        const key = signature(element);
        if (seen.has(key) || element.closest('[aria-hidden="true"]')) continue;
        seen.add(key);
        element.dataset.contrastProbe = String(probes.length);
        probes.push(element);
      }
      return probes.map((element, index) => ({
        index,
        signature: signature(element),
        // Some elements (the skip link) are off screen until they are focused.
        hoverable: shown(element) && element.getBoundingClientRect().bottom + window.scrollY > 0,
      }));
    },

    measure(index, state) {
      const element = probes[index];
      if (!element.matches(":" + state)) return { signature: signature(element), inState: false, samples: [] };
      const samples = textHolders(element).map((holder) => {
        const style = getComputedStyle(holder);
        const background = backgroundOf(holder);
        const large = isLarge(style);
        return {
          text: (holder.matches("input") ? holder.value : holder.textContent).trim().slice(0, 40),
          ratio: ratio(over(rgba(style.color), background), background),
          required: large ? 3 : 4.5,
          large,
        };
      });
      return { signature: signature(element), inState: true, samples };
    },
  };
})();
