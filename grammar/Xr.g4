// The Xuncha Rule Language (*.xr). docs/language.md is the reference; this file is the
// syntax only. Names, types and every semantic rule live in compiler/sema.
//
// Keywords are reserved except those listed under `softKeyword`, which can also be used
// as names (a field called `score` or `count` is normal in this domain).
grammar Xr;

// ---------------------------------------------------------------------------- files

file
    : header? importDecl* declaration* EOF
    ;

header
    : 'ruleset' title=STRING 'version' version=INT ('extends' base=STRING)?
    ;

importDecl
    : 'import' path=STRING
    ;

declaration
    : recordDecl
    | enumDecl
    | paramDecl
    | domainDecl
    | indicatorDecl
    | checkDecl
    | checklistDecl
    | letDecl
    | scoreDecl
    | tableDecl
    | outputDecl
    | frequencyDecl
    | ruleDecl
    | escalateDecl
    | deadlineDecl
    | calendarDecl
    | reportDecl
    | exampleDecl
    | testDecl
    | retireDecl
    | overrideDecl
    ;

// ---------------------------------------------------------------------------- schema

recordDecl
    : 'record' name '{' fieldDecl* '}'
    ;

fieldDecl
    : name ':' typeRef fieldModifier*
    ;

fieldModifier
    : 'key'                 # keyModifier
    | 'unit' STRING         # unitModifier
    | STRING                # titleModifier
    ;

typeRef
    : baseType optional='?'?
    ;

baseType
    : 'enum' '{' enumMember (',' enumMember)* ','? '}'   # inlineEnumType
    | name                                               # namedType
    ;

enumMember
    : name label=STRING?
    ;

enumDecl
    : 'enum' name title=STRING? '{' enumMember (',' enumMember)* ','? '}'
    ;

paramDecl
    : 'param' name title=STRING? ':' typeRef ('unit' unit=STRING)? ('=' expr)?
    ;

// ---------------------------------------------------------------------------- indicators

domainDecl
    : 'domain' name title=STRING? weightSpec?
    ;

weightSpec
    : 'weight' amount=numberLiteral percent='%'        # shareWeight
    | 'weight' amount=numberLiteral 'points'           # pointsWeight
    ;

numberLiteral
    : INT
    | NUMBER
    ;

severity
    : 'critical'
    | 'major'
    | 'minor'
    ;

indicatorDecl
    : 'indicator' name title=STRING? ('in' domain=name)? weightSpec? severity? indicatorBody?
    ;

indicatorBody
    : '{' indicatorItem* '}'
    ;

indicatorItem
    : 'basis' STRING                   # basisItem
    | 'let' name '=' expr              # letItem
    | 'score' '=' expr                 # scoreItem
    | 'pass' 'when' expr               # passItem
    | 'missing' '=>' missingPolicy     # missingItem
    | weightSpec                       # weightItem
    | severity                         # severityItem
    | 'in' name                        # domainItem
    | 'title' STRING                   # titleItem
    ;

missingPolicy
    : name                             // not_assessed | fail | pass | skip | flag
    | 'score' numberLiteral            // assessed with this score
    ;

checkDecl
    : 'check' name title=STRING? '{' checkItem* '}'
    ;

checkItem
    : 'when' expr                      # checkWhenItem
    | 'flag' name                      # checkFlagItem
    | 'let' name '=' expr              # checkLetItem
    | 'missing' '=>' missingPolicy     # checkMissingItem
    | 'basis' STRING                   # checkBasisItem
    ;

checklistDecl
    : 'checklist' name title=STRING? 'for' selector=expr '{' checklistBody '}'
    ;

checklistBody
    : 'all' ('except' nameList)?       # allIndicators
    | nameList                         # listedIndicators
    ;

nameList
    : name (',' name)* ','?
    ;

// ---------------------------------------------------------------------------- decisions

letDecl
    : 'let' name title=STRING? '=' expr
    ;

scoreDecl
    : 'score' name title=STRING? '=' expr
    ;

tableDecl
    : 'table' name title=STRING? (':' typeRef)? hitPolicy? '{' tableRow* '}'
    ;

hitPolicy
    : 'hit' policy=name aggregator=name?
    ;

tableRow
    : condition=expr '=>' outcome=expr          # conditionRow
    | 'otherwise' '=>' outcome=expr             # otherwiseRow
    ;

outputDecl
    : 'output' name title=STRING? ':' typeRef '=' expr
    ;

frequencyDecl
    : 'frequency' title=STRING? 'by' table=name '{' frequencyEntry (',' frequencyEntry)* ','? '}'
    ;

frequencyEntry
    : name ':' expr
    ;

ruleDecl
    : 'rule' name title=STRING? 'when' expr '{' assignment* '}'
    ;

assignment
    : name '=' expr
    ;

escalateDecl
    : 'escalate' name title=STRING? 'when' expr '{' action* '}'
    ;

action
    : 'action' name argument=expr?
    ;

deadlineDecl
    : 'deadline' name title=STRING? '=' expr
    ;

calendarDecl
    : 'calendar' name title=STRING? 'year' year=INT '{' calendarItem* '}'
    ;

calendarItem
    : 'source' STRING                                           # calendarSource
    | 'holiday' from=DATE ('..' to=DATE)? label=STRING?          # calendarHoliday
    | 'workday' from=DATE ('..' to=DATE)? label=STRING?          # calendarWorkday
    ;

// ---------------------------------------------------------------------------- population

reportDecl
    : 'report' name? title=STRING? ('by' groupBy=expr)? '{' reportItem* '}'
    ;

reportItem
    : name title=STRING? '=' expr ('target' op=comparisonOp goal=expr)?
    ;

// ---------------------------------------------------------------------------- tests

exampleDecl
    : 'example' name '=' recordLiteral
    ;

recordLiteral
    : type=name '{' (fieldValue (',' fieldValue)* (',' ellipsis='...')? ','?)? '}'
    | type=name '{' ellipsis='...' '}'
    ;

fieldValue
    : name ':' expr
    ;

testDecl
    : 'test' title=STRING '{' testItem* '}'
    ;

testItem
    : 'given' recordLiteral                                      # givenRecord
    | 'given' example=name ('with' '{' fieldValue (',' fieldValue)* ','? '}')?  # givenExample
    | 'given' name '=' expr                                      # givenParam
    | 'expect' 'error' message=STRING?                           # expectError
    | 'expect' expr                                              # expectExpr
    | 'cases' '{' casesHeader casesRow* '}'                      # casesItem
    ;

casesHeader
    : '|' (casesColumn '|')+
    ;

casesColumn
    : name                        # givenColumn
    | 'expect' expr               # expectColumn
    ;

casesRow
    : '|' (expr '|')+
    ;

// ---------------------------------------------------------------------------- yearly updates

retireDecl
    : 'retire' kind=declKind name
    ;

declKind
    : 'indicator' | 'check' | 'checklist' | 'domain' | 'table' | 'rule' | 'escalate'
    | 'deadline' | 'report' | 'score' | 'let' | 'output' | 'param' | 'test'
    ;

overrideDecl
    : 'override' declaration
    ;

// ---------------------------------------------------------------------------- expressions

expr
    // ANTLR gives an earlier alternative of a left-recursive rule the higher precedence, so
    // these run from the tightest binding to the loosest: `a == b and c == d` groups as
    // `(a == b) and (c == d)`, `not a == b` as `not (a == b)`, `x ?? 0 > 5` as
    // `(x ?? 0) > 5`, and the `else` branch of an `if` extends as far as possible.
    : quantifier=('any' | 'all' | 'count') severity? ('indicator' ('in' domain=name)?)?
          status=('passes' | 'fails' | 'unassessed')                             # quantifiedExpr
    | additive                                                                   # additiveExpr
    | <assoc=right> lhs=expr '??' rhs=expr                                       # coalesceExpr
    | operand=expr status=('passes' | 'fails' | 'unassessed')                    # statusExpr
    | operand=expr 'is' negated='not'? 'missing'                                 # isMissingExpr
    | operand=expr negated='not'? 'in' '[' expr (',' expr)* ','? ']'             # inListExpr
    | operand=expr 'between' low=additive 'and' high=additive                    # betweenExpr
    | lhs=expr op=comparisonOp rhs=expr                                          # compareExpr
    | 'not' operand=expr                                                         # notExpr
    | lhs=expr 'and' rhs=expr                                                    # andExpr
    | lhs=expr 'or' rhs=expr                                                     # orExpr
    | 'if' cond=expr 'then' thenExpr=expr 'else' elseExpr=expr                   # ifExpr
    ;

comparisonOp
    : '==' | '!=' | '<' | '<=' | '>' | '>='
    ;

additive
    : additive op=('+' | '-') multiplicative
    | multiplicative
    ;

multiplicative
    : multiplicative op=('*' | '/') unary
    | unary
    ;

unary
    : '-' unary                                        # negate
    | postfix                                          # postfixUnary
    ;

postfix
    : postfix '.' name                                 # memberAccess
    | postfix durationUnit                             # durationLiteral
    | primary                                          # primaryPostfix
    ;

durationUnit
    : 'day' | 'days' | 'working' ('day' | 'days')
    ;

primary
    : INT                                              # intLiteral
    | NUMBER                                           # numberLiteralExpr
    | amount=numberLiteral '%'                         # percentLiteral
    | STRING                                           # stringLiteral
    | DATE                                             # dateLiteral
    | ('true' | 'false')                               # boolLiteral
    | callee=name '(' (expr (',' expr)*)? ')'          # callExpr
    | name                                             # nameRef
    | '(' expr ')'                                     # parenExpr
    ;

// ---------------------------------------------------------------------------- names

name
    : ID
    | softKeyword
    ;

softKeyword
    : 'version' | 'extends' | 'key' | 'unit' | 'weight' | 'points' | 'critical' | 'major'
    | 'minor' | 'basis' | 'score' | 'pass' | 'flag' | 'hit' | 'title' | 'year' | 'source'
    | 'holiday' | 'workday' | 'target' | 'cases' | 'frequency' | 'count' | 'all' | 'any'
    | 'error' | 'except' | 'checklist'
    ;

// ---------------------------------------------------------------------------- lexer

DATE        : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
NUMBER      : DIGIT+ '.' DIGIT+ EXPONENT? | DIGIT+ EXPONENT ;
INT         : DIGIT+ ;
STRING      : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;
ID          : [\p{L}_] [\p{L}\p{Nd}_]* ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
// Cannot contain `*/`: otherwise, being the longer match, it would swallow every block
// comment that has text after it.
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF ;
WS            : [ \t\r\n\u000C\u00A0\u3000\uFEFF]+ -> channel(HIDDEN) ;

// Anything else is one bad character; the AST builder reports it (with a hint for the
// full-width punctuation that Chinese input methods produce).
BAD_CHAR    : . ;

fragment DIGIT    : [0-9] ;
fragment EXPONENT : [eE] [+-]? DIGIT+ ;
