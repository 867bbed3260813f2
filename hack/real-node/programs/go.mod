module scalableapp.local/node-programs

go 1.22
