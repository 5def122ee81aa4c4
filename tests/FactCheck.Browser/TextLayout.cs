using Microsoft.Playwright;

namespace FactCheck.Browser;

/// <summary>Where the browser actually drew text: the visual order of mixed-direction runs.</summary>
public static class TextLayout
{
    /// <summary>Left edges of the first and last character of <paramref name="text"/> inside <paramref name="selector"/>.</summary>
    public static Task<double[]> CharacterPositionsAsync(IPage page, string selector, string text) =>
        page.EvaluateAsync<double[]>("""
            ([selector, text]) => {
              const root = document.querySelector(selector);
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              // The number may be split across nodes by isolation markup: find its first and last characters.
              const nodes = [];
              while (walker.nextNode()) nodes.push(walker.currentNode);
              const whole = nodes.map(n => n.data).join('');
              const start = whole.indexOf(text);
              if (start < 0) throw new Error('text not found: ' + whole);
              const locate = offset => {
                for (const n of nodes) { if (offset < n.data.length) return [n, offset]; offset -= n.data.length; }
              };
              const rectOf = offset => {
                const [node, at] = locate(offset);
                const range = document.createRange();
                range.setStart(node, at); range.setEnd(node, at + 1);
                return range.getBoundingClientRect();
              };
              return [rectOf(start).left, rectOf(start + text.length - 1).left];
            }
            """, new[] { selector, text });
}
