/* Kazakh stemmer for Sphinx search: the JavaScript half of sphinx_kazakh/search.py.
 * The table below is written by Python, so both halves strip the same suffixes and
 * spell stems in the same Latin letters. */
var KazakhTable = /*TABLE*/null;

var Stemmer = function () {
  var has = function (table, key) {
    return Object.prototype.hasOwnProperty.call(table, key);
  };
  var harmony = function (text, vowels) {
    for (var i = text.length - 1; i >= 0; i--) {
      for (var kind in vowels) {
        if (has(vowels, kind) && vowels[kind].indexOf(text[i]) >= 0) {
          return kind === "either" ? null : kind;
        }
      }
    }
    return null;
  };
  var strip = function (word, suffixes, vowels) {
    for (var round = 0; round < KazakhTable.maxRounds; round++) {
      var stripped = false;
      for (var i = 0; i < suffixes.length; i++) {
        var suffix = suffixes[i][0];
        var wanted = suffixes[i][1];
        var rest = word.slice(0, word.length - suffix.length);
        if (!word.endsWith(suffix) || rest.length < KazakhTable.minStem) continue;
        var found = harmony(rest, vowels);
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
  var spell = function (word, table) {
    var out = "";
    for (var i = 0; i < word.length; i++) {
      out += has(table, word[i]) ? table[word[i]] : word[i];
    }
    return out;
  };
  var latinWord = new RegExp(KazakhTable.latinWord);
  this.stemWord = function (word) {
    word = word.toLowerCase();
    if (/[\u0400-\u04FF]/.test(word)) {
      var stem = strip(word, KazakhTable.cyrillicSuffixes, KazakhTable.cyrillicVowels);
      return spell(spell(stem, KazakhTable.toLatin), KazakhTable.folded);
    }
    if (latinWord.test(word)) {
      return strip(spell(word, KazakhTable.folded), KazakhTable.latinSuffixes, KazakhTable.latinVowels);
    }
    return word;
  };
};
