package serve
import ("context";"net";"testing";"time")
func TestTmpShutdown(t *testing.T){
 s,err:=New(Options{Source:"../.."}); if err!=nil{t.Fatal(err)}
 ln,_:=net.Listen("tcp","127.0.0.1:0")
 ctx,cancel:=context.WithCancel(context.Background())
 done:=make(chan error)
 go func(){done<-s.Serve(ctx,ln)}()
 time.Sleep(300*time.Millisecond)
 st:=time.Now(); cancel(); <-done; t.Log(time.Since(st))
}
