/* Kazakh stemmer for Sphinx search: the JavaScript half of sphinx_kazakh/search.py.
 * The table below is written by Python, so both halves strip the same suffixes. */
var KazakhTable = /*TABLE*/null;

var Stemmer = function () {
  var harmony = function (text) {
    for (var i = text.length - 1; i >= 0; i--) {
      if (KazakhTable.back.indexOf(text[i]) >= 0) return "back";
      if (KazakhTable.front.indexOf(text[i]) >= 0) return "front";
    }
    return null;
  };
  this.stemWord = function (word) {
    word = word.toLowerCase();
    if (!/[\u0400-\u04FF]/.test(word)) return word;
    for (var round = 0; round < KazakhTable.maxRounds; round++) {
      var stripped = false;
      for (var i = 0; i < KazakhTable.suffixes.length; i++) {
        var suffix = KazakhTable.suffixes[i];
        var rest = word.slice(0, word.length - suffix.length);
        if (!word.endsWith(suffix) || rest.length < KazakhTable.minStem) continue;
        var wanted = harmony(suffix);
        var found = harmony(rest);
        if (wanted === null || found === null || found === wanted) {
          word = rest;
          stripped = true;
          break;
        }
      }
      if (!stripped) break;
    }
    return word;
  };
};
