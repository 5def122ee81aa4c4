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

    /// <summary>Where each character of <paramref name="text"/> (spaces left out) was drawn inside <paramref name="selector"/>, in the text's own order.</summary>
    public static async Task<CharacterBox[]> CharacterBoxesAsync(IPage page, string selector, string text)
    {
        var boxes = await page.EvaluateAsync<double[][]>("""
            ([selector, text]) => {
              const root = document.querySelector(selector);
              if (!root) throw new Error('no element ' + selector);
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              const nodes = [];
              while (walker.nextNode()) nodes.push(walker.currentNode);
              const whole = nodes.map(n => n.data).join('');
              const start = whole.indexOf(text);
              if (start < 0) throw new Error('text not found in ' + selector + ': ' + whole);
              const locate = offset => {
                for (const n of nodes) { if (offset < n.data.length) return [n, offset]; offset -= n.data.length; }
              };
              const boxes = [];
              for (let k = 0; k < text.length; k++) {
                if (/\s/.test(text[k])) continue;
                const [node, at] = locate(start + k);
                const range = document.createRange();
                range.setStart(node, at); range.setEnd(node, at + 1);
                const r = range.getBoundingClientRect();
                boxes.push([k, r.left, r.top, r.height]);
              }
              return boxes;
            }
            """, new[] { selector, text });
        return boxes.Select(b => new CharacterBox(text[(int)b[0]], b[1], b[2], b[3])).ToArray();
    }
}

public sealed record CharacterBox(char Character, double Left, double Top, double Height);
