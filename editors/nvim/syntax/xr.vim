" Highlighting of Xuncha rule files (*.xr) for Neovim versions without LSP semantic tokens
" (before 0.9); on later versions the server's semantic tokens refine it. The keyword lists
" follow grammar/Xr.g4 (editors/vscode/test/keywords.test.js checks them).
if exists('b:current_syntax')
  finish
endif

" Names are letters (Chinese included), digits and underscores, as the lexer's ID rule.
syntax iskeyword @,48-57,_,192-255

syntax keyword xrDeclaration ruleset version extends import record enum param domain indicator
syntax keyword xrDeclaration check checklist let score table output frequency rule escalate
syntax keyword xrDeclaration deadline calendar report example test action override retire
syntax keyword xrConditional if then else
syntax keyword xrStatement when otherwise hit for by with
syntax keyword xrOperator and or not is in between missing passes fails unassessed any all count except
syntax keyword xrBoolean true false
syntax keyword xrUnit working days day
syntax keyword xrSeverity critical major minor
syntax keyword xrTest given expect cases error
syntax keyword xrKeyword key unit weight points basis pass flag title year source holiday workday target
syntax keyword xrType bool int number text date

syntax match xrNumber '\<\d\+\%(\.\d\+\)\=\%([eE][+-]\=\d\+\)\=\>'
syntax match xrPercent '\<\d\+\%(\.\d\+\)\=\s*%'
syntax match xrDate '\<\d\{4}-\d\{2}-\d\{2}\>'
syntax match xrOperatorSymbol '=>\|??\|==\|!=\|<=\|>=\|[<>=+\-*/?|]'
syntax region xrString start='"' skip='\\.' end='"\|$' contains=xrEscape oneline
syntax match xrEscape '\\.' contained
syntax match xrFullWidth '[，。：；（）【】“”‘’！？、｛｝《》＝＞＜％]'
syntax match xrLineComment '//.*$' contains=@Spell
syntax region xrBlockComment start='/\*' end='\*/' contains=@Spell fold

highlight default link xrDeclaration Keyword
highlight default link xrConditional Conditional
highlight default link xrStatement Statement
highlight default link xrOperator Operator
highlight default link xrBoolean Boolean
highlight default link xrUnit Keyword
highlight default link xrSeverity Special
highlight default link xrTest Keyword
highlight default link xrKeyword Keyword
highlight default link xrType Type
highlight default link xrNumber Number
highlight default link xrPercent Number
highlight default link xrDate Constant
highlight default link xrOperatorSymbol Operator
highlight default link xrString String
highlight default link xrEscape SpecialChar
highlight default link xrFullWidth Error
highlight default link xrLineComment Comment
highlight default link xrBlockComment Comment

let b:current_syntax = 'xr'
