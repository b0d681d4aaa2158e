" Xuncha rule files. Sourced by `:filetype on` when editors/nvim is on 'runtimepath'.
autocmd BufRead,BufNewFile *.xr setfiletype xr
