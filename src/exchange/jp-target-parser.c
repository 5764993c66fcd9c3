#define G_LOG_DOMAIN "jp-target-parser"

#include "config.h"

#include "jp-target-parser.h"

#include "jp-indicator.h"
#include "jp-text-private.h"

#include <string.h>

/* How far a phrase may reach from its number, in characters: a text
 * without punctuation then still costs linear time. */
#define MAX_CLAUSE 300
/* Digits of a number; longer runs are identifiers, not targets. */
#define MAX_DIGITS 15

typedef enum
{
  VERB_NONE,
  VERB_AT_LEAST,
  VERB_AT_MOST,
  VERB_DECREASE,
  VERB_INCREASE,
  VERB_FROM,
} VerbClass;

typedef enum
{
  SUFFIX_NONE,
  SUFFIX_MIN,
  SUFFIX_MAX,
  SUFFIX_ABOUT,
} SuffixClass;

typedef struct
{
  const char *word;
  int         klass;
} Word;

typedef struct
{
  const char *src;
  gunichar   *cp;    /* normalised code points */
  gsize      *off;   /* byte offset of each code point; off[n] is the length */
  gsize       n;
  guint8     *named; /* inside “…” or 《…》: a number there is part of a name */
} Text;

typedef struct
{
  gsize            phrase_start; /* the verb (or the baseline) */
  gsize            num_start;
  gsize            num_end;      /* after the unit and "以上" … */
  gsize            unit_start;
  gsize            unit_end;
  gsize            start;        /* the phrase */
  gsize            end;
  VerbClass        verb;
  SuffixClass      suffix;
  gboolean         is_range;
  double           low;
  double           high;
  gboolean         has_baseline;
  double           baseline;
  gboolean         classified;
  JpIndicatorKind  kind;
  gboolean         dropped;
} Candidate;

/* Comparison words before a number, all in their normalised form. The
 * longest one that ends right before the number wins. */
static const Word verbs[] = {
  { "达", VERB_AT_LEAST },
  { "达到", VERB_AT_LEAST },
  { "不低于", VERB_AT_LEAST },
  { "不少于", VERB_AT_LEAST },
  { "至少", VERB_AT_LEAST },
  { "超过", VERB_AT_LEAST },
  { "高于", VERB_AT_LEAST },
  { "多于", VERB_AT_LEAST },
  { "突破", VERB_AT_LEAST },
  { "保持在", VERB_AT_LEAST },
  { "稳定在", VERB_AT_LEAST },
  { "提高至", VERB_AT_LEAST },
  { "提高到", VERB_AT_LEAST },
  { "提升至", VERB_AT_LEAST },
  { "提升到", VERB_AT_LEAST },
  { "增加至", VERB_AT_LEAST },
  { "增加到", VERB_AT_LEAST },
  { "增长至", VERB_AT_LEAST },
  { "增长到", VERB_AT_LEAST },
  { "增至", VERB_AT_LEAST },
  { "增到", VERB_AT_LEAST },
  { "上升至", VERB_AT_LEAST },
  { "上升到", VERB_AT_LEAST },
  { "升至", VERB_AT_LEAST },
  { "不超过", VERB_AT_MOST },
  { "不高于", VERB_AT_MOST },
  { "不多于", VERB_AT_MOST },
  { "不大于", VERB_AT_MOST },
  { "低于", VERB_AT_MOST },
  { "少于", VERB_AT_MOST },
  { "至多", VERB_AT_MOST },
  { "最多", VERB_AT_MOST },
  { "控制在", VERB_AT_MOST },
  { "控制到", VERB_AT_MOST },
  { "降至", VERB_AT_MOST },
  { "降到", VERB_AT_MOST },
  { "降低至", VERB_AT_MOST },
  { "降低到", VERB_AT_MOST },
  { "下降至", VERB_AT_MOST },
  { "下降到", VERB_AT_MOST },
  { "减少至", VERB_AT_MOST },
  { "减少到", VERB_AT_MOST },
  { "减至", VERB_AT_MOST },
  { "压减至", VERB_AT_MOST },
  { "压减到", VERB_AT_MOST },
  { "压缩至", VERB_AT_MOST },
  { "压缩到", VERB_AT_MOST },
  { "缩减至", VERB_AT_MOST },
  { "缩减到", VERB_AT_MOST },
  { "下降", VERB_DECREASE },
  { "降低", VERB_DECREASE },
  { "减少", VERB_DECREASE },
  { "压减", VERB_DECREASE },
  { "压缩", VERB_DECREASE },
  { "缩减", VERB_DECREASE },
  { "缩小", VERB_DECREASE },
  { "削减", VERB_DECREASE },
  { "提高", VERB_INCREASE },
  { "提升", VERB_INCREASE },
  { "增长", VERB_INCREASE },
  { "增加", VERB_INCREASE },
  { "上升", VERB_INCREASE },
  { "增幅", VERB_INCREASE },
  { "由", VERB_FROM },
  { "从", VERB_FROM },
};

static const Word suffixes[] = {
  { "以上", SUFFIX_MIN },
  { "及以上", SUFFIX_MIN },
  { "以下", SUFFIX_MAX },
  { "及以下", SUFFIX_MAX },
  { "以内", SUFFIX_MAX },
  { "之内", SUFFIX_MAX },
  { "左右", SUFFIX_ABOUT },
};

/* Measure words after a number ("11个学科" has unit 个). */
static const char * const units[] = {
  "%", "‰", "个百分点", "百分点",
  "人次", "学时", "课时", "小时", "分钟", "万元", "亿元", "千元", "元",
  "万人", "万册", "平方米", "公里", "千米", "米", "亩", "吨",
  "所", "个", "名", "节", "篇", "项", "次", "期", "场", "支", "家", "件",
  "本", "册", "套", "台", "间", "座", "条", "门", "堂", "批", "届", "处",
  "块", "部", "份", "位", "户", "班", "组", "队", "类", "种", "天", "周",
  "人", "张", "幅", "首", "集", "轮", "园", "校", "辆", "棵", "株", "册",
  "卷", "盏", "栋", "幢", "层", "台次", "场次", "课", "例", "起", "笔", "分",
};

/* What follows a number that is a date, an age, a duration or a rank. */
static const char * const not_units[] = {
  "年", "月", "日", "号", "时", "点", "个月", "个工作日", "岁", "周岁", "后",
  "级", "星", "版", "倍", "分钟前", "分钟后",
};

/* Words before a target's subject that are not part of its name. */
/* Words after a target's subject that say what it compares with. */
static const char * const name_suffixes[] = {
  "较上年", "比上年", "较去年", "比去年", "同比", "较上一年", "比上一年", "较年初", "比年初",
};

static const char * const name_prefixes[] = {
  "力争", "争取", "确保", "力求", "努力", "到年底", "到年末", "年底前", "年底",
  "年内", "全年", "今年", "其中", "同时", "的", "和", "及", "并", "使", "让",
};


/* The word tables as code points, built once: matching runs for every
 * number of a 10 MB document. */
#define MAX_WORD 6

typedef struct
{
  gunichar cp[MAX_WORD];
  guint8   len;
  int      klass;
} CompiledWord;

static CompiledWord verb_table[G_N_ELEMENTS (verbs)];
static CompiledWord suffix_table[G_N_ELEMENTS (suffixes)];
static CompiledWord unit_table[G_N_ELEMENTS (units)];
static CompiledWord not_unit_table[G_N_ELEMENTS (not_units)];

static void
compile_word (CompiledWord *out,
              const char   *word,
              int           klass)
{
  out->len = 0;
  out->klass = klass;
  for (const char *w = word; *w != '\0'; w = g_utf8_next_char (w))
    {
      g_assert (out->len < MAX_WORD);
      out->cp[out->len++] = g_utf8_get_char (w);
    }
}

static void
ensure_tables (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (gsize w = 0; w < G_N_ELEMENTS (verbs); w++)
        compile_word (&verb_table[w], verbs[w].word, verbs[w].klass);
      for (gsize w = 0; w < G_N_ELEMENTS (suffixes); w++)
        compile_word (&suffix_table[w], suffixes[w].word, suffixes[w].klass);
      for (gsize w = 0; w < G_N_ELEMENTS (units); w++)
        compile_word (&unit_table[w], units[w], 0);
      for (gsize w = 0; w < G_N_ELEMENTS (not_units); w++)
        compile_word (&not_unit_table[w], not_units[w], 0);
      g_once_init_leave (&done, 1);
    }
}

void
jp_target_free (JpTarget *target)
{
  if (target == NULL)
    return;

  g_free (target->unit);
  g_free (target->text);
  g_free (target->name);
  g_free (target);
}

static inline gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_ascii_alnum (gunichar c)
{
  return c < 128 && g_ascii_isalnum ((char) c);
}

/* 万, 亿, 千, 百 before a unit: "1.5万名". */
static inline gboolean
is_multiplier (gunichar c)
{
  return c == 0x4E07 || c == 0x4EBF || c == 0x5343 || c == 0x767E;
}

static inline gboolean
is_cn_digit (gunichar c)
{
  return c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 ||
         c == 0x516D || c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341;
}

static inline gboolean
is_opener (gunichar c)
{
  switch (c)
    {
    case '(': case '[': case '{':
    case 0x3010: /* 【 */
    case 0x201C: /* “ */
    case 0x2018: /* ‘ */
    case 0x300A: /* 《 */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
    case 0x3014: /* 〔 */
    case 0x3008: /* 〈 */
      return TRUE;
    default:
      return FALSE;
    }
}

static inline gboolean
is_closer (gunichar c)
{
  switch (c)
    {
    case ')': case ']': case '}':
    case 0x3011: /* 】 */
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0x300B: /* 》 */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0x3015: /* 〕 */
    case 0x3009: /* 〉 */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Ends a sentence: a phrase never crosses it. */
static inline gboolean
is_hard_boundary (gunichar c)
{
  return c == 0x3002 || c == '!' || c == '?' || c == '\n' || c == '\r';
}

/* Ends a clause, outside brackets and quotes. */
static inline gboolean
is_soft_boundary (gunichar c)
{
  return c == ',' || c == ';' || c == ':' || c == 0x2026 || c == 0xFF64;
}

static inline gboolean
is_enumeration_comma (gunichar c)
{
  return c == 0x3001; /* 、 */
}

static void
text_init (Text       *t,
           const char *src,
           gsize       len)
{
  const char *p = src;
  const char *end = src + len;
  int quote = 0;
  int book = 0;
  /* One block: code points, offsets, name flags. */
  guint8 *block = g_malloc ((len + 1) * (sizeof (gunichar) + sizeof (gsize) + 1));

  t->src = src;
  t->off = (gsize *) block;
  t->cp = (gunichar *) (block + (len + 1) * sizeof (gsize));
  t->named = block + (len + 1) * (sizeof (gsize) + sizeof (gunichar));
  t->n = 0;

  while (p < end)
    {
      const char *next;
      gunichar c = _jp_text_normalize_char (_jp_utf8_decode (p, &next));

      t->off[t->n] = p - src;
      t->cp[t->n] = c;

      if (c < 0x80)
        {
          if (c == '\n' || c == '\r' || c == '!' || c == '?')
            quote = book = 0;
        }
      else if (c == 0x201C || c == 0x300C || c == 0x300E)
        quote++;
      else if ((c == 0x201D || c == 0x300D || c == 0x300F) && quote > 0)
        quote--;
      else if (c == 0x300A)
        book++;
      else if (c == 0x300B && book > 0)
        book--;
      else if (c == 0x3002)
        quote = book = 0;

      t->named[t->n] = quote > 0 || book > 0;
      t->n++;
      p = next;
    }
  t->off[t->n] = len;
  t->cp[t->n] = 0;
}

static void
text_clear (Text *t)
{
  g_free (t->off);
  t->off = NULL;
  t->cp = NULL;
  t->named = NULL;
}

/* The length in code points of @word when it is at @i, else 0. */
static gsize
match_at (const Text *t,
          gsize       i,
          const char *word)
{
  gsize k = i;

  for (const char *w = word; *w != '\0'; w = g_utf8_next_char (w))
    {
      if (k >= t->n || t->cp[k] != g_utf8_get_char (w))
        return 0;
      k++;
    }

  return k - i;
}

/* The longest word of @table at @i (its length; 0: none), and its class. */
static gsize
table_longest_at (const Text         *t,
                  gsize               i,
                  const CompiledWord *table,
                  gsize               n_words,
                  int                *klass)
{
  gsize best = 0;

  if (i >= t->n)
    return 0;

  for (gsize w = 0; w < n_words; w++)
    {
      const CompiledWord *word = &table[w];
      gsize k;

      if (word->cp[0] != t->cp[i] || word->len <= best || i + word->len > t->n)
        continue;
      for (k = 1; k < word->len && t->cp[i + k] == word->cp[k]; k++)
        ;
      if (k == word->len)
        {
          best = k;
          if (klass != NULL)
            *klass = word->klass;
        }
    }

  return best;
}

/* The longest word of @table that ends right before @i (not before
 * @lower). */
static gsize
table_longest_before (const Text         *t,
                      gsize               i,
                      gsize               lower,
                      const CompiledWord *table,
                      gsize               n_words,
                      int                *klass)
{
  gsize best = 0;

  if (i <= lower)
    return 0;

  for (gsize w = 0; w < n_words; w++)
    {
      const CompiledWord *word = &table[w];
      gsize k;

      if (word->cp[word->len - 1] != t->cp[i - 1] || word->len <= best || i < lower + word->len)
        continue;
      for (k = 1; k < word->len && t->cp[i - 1 - k] == word->cp[word->len - 1 - k]; k++)
        ;
      if (k == word->len)
        {
          best = k;
          if (klass != NULL)
            *klass = word->klass;
        }
    }

  return best;
}

static gsize
skip_spaces (const Text *t,
             gsize       i)
{
  while (i < t->n && t->cp[i] == ' ')
    i++;
  return i;
}

static gsize
skip_spaces_back (const Text *t,
                  gsize       i,
                  gsize       lower)
{
  while (i > lower && t->cp[i - 1] == ' ')
    i--;
  return i;
}

/* Reads a number at @i ("630", "4.7", "2,900"); FALSE when it is too long
 * to be a quantity. */
static gboolean
parse_number (const Text *t,
              gsize       i,
              gsize      *end,
              double     *value)
{
  char buf[MAX_DIGITS + 8];
  gsize len = 0;
  gsize k = i;

  while (k < t->n && is_digit (t->cp[k]))
    {
      if (len >= MAX_DIGITS)
        return FALSE;
      buf[len++] = (char) t->cp[k++];
    }

  /* Thousands separators, as ASCII commas only ("，" separates clauses). */
  while (k + 3 < t->n && t->src[t->off[k]] == ',' &&
         is_digit (t->cp[k + 1]) && is_digit (t->cp[k + 2]) && is_digit (t->cp[k + 3]) &&
         !(k + 4 < t->n && is_digit (t->cp[k + 4])))
    {
      if (len + 3 > MAX_DIGITS)
        return FALSE;
      for (gsize d = 1; d <= 3; d++)
        buf[len++] = (char) t->cp[k + d];
      k += 4;
    }

  if (k + 1 < t->n && t->cp[k] == '.' && is_digit (t->cp[k + 1]))
    {
      buf[len++] = '.';
      k++;
      while (k < t->n && is_digit (t->cp[k]))
        {
          if (len >= MAX_DIGITS + 1)
            return FALSE;
          buf[len++] = (char) t->cp[k++];
        }
    }

  buf[len] = '\0';
  *value = g_ascii_strtod (buf, NULL);
  *end = k;
  return TRUE;
}

/* The unit at @i: its length, 0 when there is none (or when what follows
 * the number makes it a date, an age, a rank). */
static gsize
match_unit (const Text *t,
            gsize       i)
{
  gsize unit_len = table_longest_at (t, i, unit_table, G_N_ELEMENTS (unit_table), NULL);
  gsize not_len = table_longest_at (t, i, not_unit_table, G_N_ELEMENTS (not_unit_table), NULL);

  if (i < t->n && is_multiplier (t->cp[i]))
    {
      gsize after = table_longest_at (t, i + 1, unit_table, G_N_ELEMENTS (unit_table), NULL);

      if (after > 0 && after + 1 > unit_len)
        unit_len = after + 1;
    }

  if (not_len > 0 && not_len >= unit_len)
    return 0;

  return unit_len;
}

static VerbClass
match_verb (const Text *t,
            gsize       i,
            gsize       lower,
            gsize      *verb_start)
{
  int klass = VERB_NONE;
  gsize len = table_longest_before (t, i, lower, verb_table, G_N_ELEMENTS (verb_table), &klass);

  *verb_start = i - len;
  return len > 0 ? (VerbClass) klass : VERB_NONE;
}

static SuffixClass
match_suffix (const Text *t,
              gsize       i,
              gsize      *len)
{
  int klass = SUFFIX_NONE;

  *len = table_longest_at (t, i, suffix_table, G_N_ELEMENTS (suffix_table), &klass);
  return *len > 0 ? (SuffixClass) klass : SUFFIX_NONE;
}

static gboolean
is_range_separator (gunichar c)
{
  return c == '-' || c == '~' || c == 0x81F3 /* 至 */ || c == 0x5230 /* 到 */;
}

/* A target candidate at the digit @i, or FALSE. @lower: where the
 * previous candidate ended. */
static gboolean
parse_candidate (const Text *t,
                 gsize       i,
                 gsize       lower,
                 Candidate  *cand,
                 gsize      *resume)
{
  gsize k;
  gsize before;
  gsize unit_len;
  gsize suffix_len;

  memset (cand, 0, sizeof *cand);
  cand->num_start = i;

  if (!parse_number (t, i, &k, &cand->low))
    {
      for (k = i; k < t->n && (is_digit (t->cp[k]) || t->cp[k] == '.'); k++)
        ;
      *resume = k;
      return FALSE;
    }
  *resume = k;

  /* Part of an identifier, a version, a time, a phone number. */
  if (i > 0)
    {
      gunichar p = t->cp[i - 1];

      if (is_ascii_alnum (p) || p == '.' || p == '_' || p == '/' || p == '#' || p == '+' ||
          p == 0x3014 /* 〔 */ || p == '[' || p == 0x3010 /* 【 */)
        return FALSE;
      if (p == '-' || ((p == '~' || p == ':') && i > 1 && is_digit (t->cp[i - 2])))
        return FALSE;
    }
  if (t->named[i])
    return FALSE;
  if (k < t->n && (is_ascii_alnum (t->cp[k]) || t->cp[k] == '+' || t->cp[k] == 0x3015 ||
                   t->cp[k] == ']' || t->cp[k] == 0x3011 ||
                   (t->cp[k] == '.' && k + 1 < t->n && is_digit (t->cp[k + 1]))))
    return FALSE;

  /* An ordinal: 第3批. */
  before = skip_spaces_back (t, i, lower);
  if (before > 0 && before > lower && t->cp[before - 1] == 0x7B2C /* 第 */)
    return FALSE;

  k = skip_spaces (t, k);

  /* A range: 3-5所, 3～5所, 3至5所, 3%-5%. */
  {
    gsize r = k;

    if (r < t->n && t->cp[r] == '%')
      r = skip_spaces (t, r + 1);
    if (r < t->n && is_range_separator (t->cp[r]))
      {
        gsize s = skip_spaces (t, r + 1);
        gsize e;

        if (s < t->n && is_digit (t->cp[s]) && parse_number (t, s, &e, &cand->high))
          {
            if (e < t->n && (is_ascii_alnum (t->cp[e]) ||
                             (t->cp[e] == '.' && e + 1 < t->n && is_digit (t->cp[e + 1]))))
              return FALSE;
            cand->is_range = TRUE;
            k = skip_spaces (t, e);
            *resume = e;
          }
      }
  }

  unit_len = match_unit (t, k);
  if (unit_len == 0)
    return FALSE;
  /* 2023届 is a class of students, 举办3届 a count. */
  if (!cand->is_range && unit_len == 1 && t->cp[k] == 0x5C4A /* 届 */ &&
      cand->low >= 1900 && cand->low <= 2100)
    return FALSE;
  /* 8时30分 is a time, 提高5分 a score. */
  if (unit_len == 1 && t->cp[k] == 0x5206 /* 分 */ && before > lower &&
      (t->cp[before - 1] == 0x65F6 /* 时 */ || t->cp[before - 1] == 0x70B9 /* 点 */))
    return FALSE;

  cand->unit_start = k;
  cand->unit_end = k + unit_len;
  cand->suffix = match_suffix (t, skip_spaces (t, cand->unit_end), &suffix_len);
  cand->num_end = suffix_len > 0 ? skip_spaces (t, cand->unit_end) + suffix_len : cand->unit_end;
  *resume = cand->num_end;

  cand->verb = match_verb (t, before, lower, &cand->phrase_start);
  if (cand->verb == VERB_NONE)
    cand->phrase_start = i;

  return TRUE;
}

static gboolean
unit_is_points (const Text      *t,
                const Candidate *cand)
{
  gsize len = cand->unit_end - cand->unit_start;

  return (len == 4 && match_at (t, cand->unit_start, "个百分点") == 4) ||
         (len == 3 && match_at (t, cand->unit_start, "百分点") == 3);
}

static void
classify (const Text *t,
          Candidate  *cand)
{
  cand->classified = TRUE;

  if (cand->is_range)
    {
      cand->kind = JP_INDICATOR_KIND_RANGE;
      if (!(cand->low < cand->high))
        cand->classified = FALSE;
    }
  else if (cand->verb == VERB_AT_MOST || cand->suffix == SUFFIX_MAX)
    cand->kind = JP_INDICATOR_KIND_AT_MOST;
  else if (cand->verb == VERB_DECREASE)
    cand->kind = JP_INDICATOR_KIND_DECREASE_BY;
  else if (cand->verb == VERB_INCREASE)
    cand->kind = JP_INDICATOR_KIND_INCREASE_BY;
  else if (cand->verb == VERB_AT_LEAST || cand->suffix == SUFFIX_MIN)
    cand->kind = JP_INDICATOR_KIND_AT_LEAST;
  else if (unit_is_points (t, cand))
    cand->classified = FALSE; /* 3个百分点: up or down? */
  else
    cand->kind = JP_INDICATOR_KIND_AT_LEAST;
}

/* A sub-point's number at the start of a phrase ("2. 党支部规范化率达95%",
 * "（3）", "③") is not part of it. */
static gsize
skip_enumeration (const Text *t,
                  gsize       start,
                  gsize       limit)
{
  gsize k = skip_spaces (t, start);

  if (k < limit && t->cp[k] >= 0x2460 && t->cp[k] <= 0x2473) /* ① … ⑳ */
    return skip_spaces (t, k + 1);

  if (k < limit && t->cp[k] == '(')
    {
      gsize d = k + 1;

      while (d < limit && d - k <= 3 && (is_digit (t->cp[d]) || is_cn_digit (t->cp[d])))
        d++;
      if (d > k + 1 && d < limit && t->cp[d] == ')')
        return MIN (skip_spaces (t, d + 1), limit);
      return start;
    }

  {
    gsize d = k;

    while (d < limit && d - k < 3 && is_digit (t->cp[d]))
      d++;
    if (d > k && d + 1 < limit && (t->cp[d] == '.' || t->cp[d] == 0x3001 || t->cp[d] == ')') &&
        !is_digit (t->cp[d + 1]))
      return MIN (skip_spaces (t, d + 1), limit);
  }

  return start;
}

/* The clause around a candidate: from the punctuation before its verb to
 * the punctuation after its unit, brackets and quotes kept whole. */
static void
find_clause (const Text *t,
             Candidate  *cand)
{
  gsize q;
  int depth = 0;
  guint steps = 0;

  for (q = cand->phrase_start; q > 0; q--)
    {
      gunichar c = t->cp[q - 1];

      if (is_hard_boundary (c) || ++steps > MAX_CLAUSE)
        break;
      if (is_closer (c))
        depth++;
      else if (is_opener (c))
        {
          if (depth == 0)
            break;
          depth--;
        }
      else if (depth == 0 && is_soft_boundary (c))
        break;
    }
  cand->start = skip_enumeration (t, q, cand->phrase_start);

  depth = 0;
  steps = 0;
  for (q = cand->num_end; q < t->n; q++)
    {
      gunichar c = t->cp[q];

      if (is_hard_boundary (c) || ++steps > MAX_CLAUSE)
        break;
      if (is_opener (c))
        depth++;
      else if (is_closer (c))
        {
          if (depth == 0)
            break;
          depth--;
        }
      else if (depth == 0 && is_soft_boundary (c))
        break;
    }
  cand->end = q;
}

/* Two targets in one clause ("完成教师研修11个学科、45个名师工作室研修活动")
 * are cut apart at the 、 between them. */
static void
split_shared_clause (const Text *t,
                     Candidate  *a,
                     Candidate  *b)
{
  gsize first = 0;
  gsize last = 0;
  gboolean found = FALSE;
  int depth = 0;

  if (a->end <= b->phrase_start)
    return;

  for (gsize q = a->num_end; q < b->phrase_start; q++)
    {
      gunichar c = t->cp[q];

      if (is_opener (c))
        depth++;
      else if (is_closer (c) && depth > 0)
        depth--;
      else if (depth == 0 && is_enumeration_comma (c))
        {
          if (!found)
            first = q;
          last = q;
          found = TRUE;
        }
    }

  if (found)
    {
      a->end = first;
      b->start = MAX (b->start, last + 1);
    }
  else
    {
      a->end = a->num_end;
      b->start = MAX (b->start, a->num_end);
    }
}

static gboolean
is_trim_char (gunichar c)
{
  return _jp_text_is_space (c) || c == '*' || c == ' ';
}

static char *
dup_range (const Text *t,
           gsize       start,
           gsize       end)
{
  while (start < end && is_trim_char (t->cp[start]))
    start++;
  while (end > start && is_trim_char (t->cp[end - 1]))
    end--;

  return g_strndup (t->src + t->off[start], t->off[end] - t->off[start]);
}

static char *
dup_normalized (const Text *t,
                gsize       start,
                gsize       end)
{
  return g_ucs4_to_utf8 (t->cp + start, end - start, NULL, NULL, NULL);
}

static char *
make_name (const Text      *t,
           const Candidate *cand,
           const char      *text)
{
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  g_autoptr(GString) name = NULL;
  gboolean stripped;

  head = cand->phrase_start > cand->start ? dup_range (t, cand->start, cand->phrase_start)
                                          : g_strdup ("");
  tail = cand->end > cand->num_end ? dup_range (t, cand->num_end, cand->end) : g_strdup ("");
  name = g_string_new (head);
  g_string_append (name, tail);

  do
    {
      stripped = FALSE;
      for (gsize w = 0; w < G_N_ELEMENTS (name_prefixes); w++)
        {
          gsize len = strlen (name_prefixes[w]);

          if (name->len > len && strncmp (name->str, name_prefixes[w], len) == 0)
            {
              g_string_erase (name, 0, len);
              stripped = TRUE;
            }
        }
      while (name->len > 0 && (name->str[0] == ' ' || name->str[0] == '*'))
        {
          g_string_erase (name, 0, 1);
          stripped = TRUE;
        }
      /* "2023年计划实施…": the year is not part of the name. */
      if (name->len > 7 && g_ascii_isdigit (name->str[0]) && g_ascii_isdigit (name->str[1]) &&
          g_ascii_isdigit (name->str[2]) && g_ascii_isdigit (name->str[3]) &&
          strncmp (name->str + 4, "年", 3) == 0)
        {
          g_string_erase (name, 0, 7);
          stripped = TRUE;
        }
    }
  while (stripped);

  for (gsize w = 0; w < G_N_ELEMENTS (name_suffixes); w++)
    {
      gsize len = strlen (name_suffixes[w]);

      if (name->len > len && g_str_has_suffix (name->str, name_suffixes[w]))
        {
          g_string_truncate (name, name->len - len);
          break;
        }
    }

  if (name->len == 0)
    return g_strdup (text);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static JpTarget *
make_target (const Text      *t,
             const Candidate *cand)
{
  JpTarget *target = g_new0 (JpTarget, 1);
  gsize start = cand->start;

  while (start < cand->end && is_trim_char (t->cp[start]))
    start++;

  target->kind = cand->kind;
  target->target = cand->low;
  target->has_target_max = cand->is_range;
  target->target_max = cand->is_range ? cand->high : 0;
  target->has_baseline = cand->has_baseline;
  target->baseline = cand->baseline;
  target->unit = dup_normalized (t, cand->unit_start, cand->unit_end);
  target->text = dup_range (t, cand->start, cand->end);
  target->name = make_name (t, cand, target->text);
  target->offset = t->off[start];

  return target;
}

GPtrArray *
_jp_target_parse_valid (const char  *text,
                        gsize        len,
                        GPtrArray  **unclassified)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_target_free);
  g_autoptr(GPtrArray) odd = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) cands = g_array_new (FALSE, TRUE, sizeof (Candidate));
  Text t = { 0 };
  gsize i = 0;
  gsize lower = 0;

  ensure_tables ();
  text_init (&t, text, len);

  while (i < t.n)
    {
      Candidate cand;
      gsize resume;

      if (!is_digit (t.cp[i]) || (i > 0 && (is_digit (t.cp[i - 1]) || t.cp[i - 1] == '.')))
        {
          i++;
          continue;
        }

      if (parse_candidate (&t, i, lower, &cand, &resume))
        {
          g_array_append_val (cands, cand);
          lower = cand.num_end;
        }
      i = MAX (resume, i + 1);
    }

  /* "由15%提高到20%": the first number is where the second starts from. */
  for (guint c = 0; c + 1 < cands->len; c++)
    {
      Candidate *a = &g_array_index (cands, Candidate, c);
      Candidate *b = &g_array_index (cands, Candidate, c + 1);

      if (a->verb == VERB_FROM && !a->is_range && b->verb != VERB_NONE &&
          b->verb != VERB_FROM && b->phrase_start == skip_spaces (&t, a->num_end))
        {
          b->has_baseline = TRUE;
          b->baseline = a->low;
          b->phrase_start = a->phrase_start;
          a->dropped = TRUE;
        }
    }

  for (guint c = 0; c < cands->len; c++)
    {
      Candidate *cand = &g_array_index (cands, Candidate, c);

      if (cand->dropped)
        continue;
      classify (&t, cand);
      find_clause (&t, cand);
    }

  for (guint c = 0; c < cands->len; c++)
    {
      Candidate *a = &g_array_index (cands, Candidate, c);

      if (a->dropped)
        continue;
      for (guint d = c + 1; d < cands->len; d++)
        {
          Candidate *b = &g_array_index (cands, Candidate, d);

          if (b->dropped)
            continue;
          split_shared_clause (&t, a, b);
          break;
        }
    }

  for (guint c = 0; c < cands->len; c++)
    {
      Candidate *cand = &g_array_index (cands, Candidate, c);

      if (cand->dropped)
        continue;
      if (cand->classified)
        g_ptr_array_add (targets, make_target (&t, cand));
      else
        g_ptr_array_add (odd, dup_range (&t, cand->start, cand->end));
    }

  text_clear (&t);

  if (unclassified != NULL)
    *unclassified = g_steal_pointer (&odd);

  return g_steal_pointer (&targets);
}

GPtrArray *
jp_target_parse (const char  *text,
                 gssize       length,
                 GPtrArray  **unclassified)
{
  gsize len;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  len = length < 0 ? strlen (text) : (gsize) length;
  g_return_val_if_fail (g_utf8_validate (text, len, NULL), NULL);

  return _jp_target_parse_valid (text != NULL ? text : "", len, unclassified);
}

JpIndicator *
jp_target_to_indicator (const JpTarget *target)
{
  JpIndicator *indicator;

  g_return_val_if_fail (target != NULL, NULL);

  indicator = jp_indicator_new (target->name, target->kind, target->target);
  jp_indicator_set_text (indicator, target->text);
  jp_indicator_set_unit (indicator, target->unit);
  jp_indicator_set_has_target_max (indicator, target->has_target_max);
  if (target->has_target_max)
    jp_indicator_set_target_max (indicator, target->target_max);
  jp_indicator_set_has_baseline (indicator, target->has_baseline);
  if (target->has_baseline)
    jp_indicator_set_baseline (indicator, target->baseline);
  jp_indicator_set_weight (indicator, 1);

  return indicator;
}
